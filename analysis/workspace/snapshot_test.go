//go:build unix

package workspace_test

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

const snapshotMain = header + `channels:
  c:
    messages:
      fromBuffer: {$ref: './buffer.yaml#/M'}
      fromDisk: {$ref: './disk.yaml#/M'}
`

// messageNames gives the "name" of each message of the first channel.
func messageNames(m *model.Model) []string {
	var out []string
	for _, msg := range m.Channels[0].Messages {
		out = append(out, msg.Name.Value)
	}
	return out
}

// TestSnapshotPinsItsView: a snapshot keeps the open buffers of the moment
// it was taken and each disk file as first read, whatever changes later; a
// new snapshot sees the changes.
func TestSnapshotPinsItsView(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.yaml": snapshotMain,
		"disk.yaml": "M: {name: disk-1}\n",
	})
	ws := workspace.New(workspace.Options{})
	bufferURI := refs.FileURI(filepath.Join(dir, "buffer.yaml"))
	ws.SetOverlay(analysis.NewDocument(bufferURI, 1, []byte("M: {name: buffer-1}\n")))
	main := analysis.NewDocument(refs.FileURI(filepath.Join(dir, "main.yaml")), 1, []byte(snapshotMain))

	first := ws.Snapshot(main)
	if got := messageNames(first.Model()); len(got) != 2 || got[0] != "buffer-1" || got[1] != "disk-1" {
		t.Fatalf("first view: %v", got)
	}
	ws.SetOverlay(analysis.NewDocument(bufferURI, 2, []byte("M: {name: buffer-2}\n")))
	writeLater(t, filepath.Join(dir, "disk.yaml"), "M: {name: disk-two}\n")

	for uri, want := range map[string]string{bufferURI: "M: {name: buffer-1}\n", refs.FileURI(filepath.Join(dir, "disk.yaml")): "M: {name: disk-1}\n"} {
		if d, err := first.Load(uri); err != nil || string(d.Text) != want {
			t.Errorf("the first snapshot now reads %s as %q (%v)", uri, d.Text, err)
		}
	}
	if got := messageNames(first.Model()); got[0] != "buffer-1" || got[1] != "disk-1" {
		t.Errorf("the first snapshot's model changed: %v", got)
	}
	second := ws.Snapshot(main)
	if got := messageNames(second.Model()); got[0] != "buffer-2" || got[1] != "disk-two" {
		t.Errorf("a new snapshot does not see the changes: %v", got)
	}
}

// writeLater rewrites a file so that its size and time both change.
func writeLater(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(path, later, later)
}

// TestModelBuiltOncePerVersion: snapshots of one document version that see
// the other files unchanged share one model, even when asked at once; a
// change to a file the model read makes the next snapshot build anew.
func TestModelBuiltOncePerVersion(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.yaml": snapshotMain, "disk.yaml": "M: {name: disk}\n"})
	ws := workspace.New(workspace.Options{})
	bufferURI := refs.FileURI(filepath.Join(dir, "buffer.yaml"))
	ws.SetOverlay(analysis.NewDocument(bufferURI, 1, []byte("M: {name: one}\n")))
	main := analysis.NewDocument(refs.FileURI(filepath.Join(dir, "main.yaml")), 1, []byte(snapshotMain))

	models := make([]*model.Model, 8)
	var wg sync.WaitGroup
	for i := range models {
		wg.Add(1)
		go func() {
			defer wg.Done()
			models[i] = ws.Snapshot(main).Model()
		}()
	}
	wg.Wait()
	for _, m := range models[1:] {
		if m != models[0] {
			t.Fatal("two snapshots of one view built two models")
		}
	}
	ws.SetOverlay(analysis.NewDocument(bufferURI, 2, []byte("M: {name: two}\n")))
	changed := ws.Snapshot(main).Model()
	if changed == models[0] || messageNames(changed)[0] != "two" {
		t.Errorf("the model was not rebuilt after a file it read changed")
	}
	if again := ws.Snapshot(main).Model(); again != changed {
		t.Errorf("the rebuilt model is not shared")
	}
}

// TestSnapshotOutsideFolders: with workspace folders, a file outside them
// is not read (an open buffer is), and the model records why.
func TestSnapshotOutsideFolders(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"ws/main.yaml":    header + "channels:\n  c:\n    messages:\n      m: {$ref: '../outside.yaml#/M'}\n",
		"outside.yaml":    "M: {name: secret}\n",
		"open/other.yaml": "M: {name: open}\n",
	})
	ws := workspace.New(workspace.Options{})
	ws.SetRoots([]string{filepath.Join(dir, "ws")})
	openURI := refs.FileURI(filepath.Join(dir, "open", "other.yaml"))
	ws.SetOverlay(analysis.NewDocument(openURI, 1, []byte("M: {name: open}\n")))
	main, err := ws.Load(refs.FileURI(filepath.Join(dir, "ws", "main.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	snap := ws.Snapshot(main)
	if _, err := snap.Load(refs.FileURI(filepath.Join(dir, "outside.yaml"))); !errors.Is(err, workspace.ErrOutside) {
		t.Errorf("outside file: %v", err)
	}
	if d, err := snap.Load(openURI); err != nil || d == nil {
		t.Errorf("an open buffer outside the folders: %v", err)
	}
	msg := snap.Model().Channels[0].Messages[0]
	if msg.Value != nil || !errors.Is(msg.Problem, workspace.ErrOutside) {
		t.Errorf("the model read an outside file: %v", msg.Problem)
	}
}

// TestSnapshotAsResolver: analysis reads other files through a snapshot as
// it does through the workspace.
func TestSnapshotAsResolver(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.yaml":  header + "channels:\n  c:\n    messages:\n      m: {$ref: './other.yaml#/Missing'}\n",
		"other.yaml": "M: {name: m}\n",
	})
	ws := workspace.New(workspace.Options{})
	main, err := ws.Load(refs.FileURI(filepath.Join(dir, "main.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range analysis.Analyze(main, analysis.Options{Resolver: ws.Snapshot(main)}) {
		found = found || d.Code == analysis.CodeUnresolvedRef
	}
	if !found {
		t.Error("a missing target in another file read through a snapshot is not reported")
	}
}

// TestSnapshotFiles: the files a snapshot lists (for references across the
// workspace) are the versions it reads: its own document version, the
// buffers of its moment, the other files as first listed or read, whatever
// changes afterwards.
func TestSnapshotFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.yaml":    snapshotMain,
		"disk.yaml":    "M: {name: disk-1}\n",
		"indexed.yaml": header,
	})
	ws := workspace.New(workspace.Options{})
	ws.Index(t.Context(), []string{dir}, nil)
	bufferURI := refs.FileURI(filepath.Join(dir, "buffer.yaml"))
	diskURI := refs.FileURI(filepath.Join(dir, "disk.yaml"))
	mainURI := refs.FileURI(filepath.Join(dir, "main.yaml"))
	ws.SetOverlay(analysis.NewDocument(bufferURI, 1, []byte("M: {name: buffer-1}\n")))
	// The request is about a version the workspace does not hold (yet).
	main := analysis.NewDocument(mainURI, 7, []byte(snapshotMain))
	snap := ws.Snapshot(main)

	texts := func() map[string]string {
		out := map[string]string{}
		for _, f := range snap.Files() {
			out[f.URI] = string(f.Doc.Text)
		}
		return out
	}
	first := texts()
	ws.SetOverlay(analysis.NewDocument(bufferURI, 2, []byte("M: {name: buffer-2}\n")))
	writeLater(t, filepath.Join(dir, "disk.yaml"), "M: {name: disk-two}\n")
	ws.RemoveOverlay(bufferURI)
	if _, err := ws.Load(diskURI); err != nil {
		t.Fatal(err)
	}
	if f, err := snap.File(mainURI); err != nil || f.Doc != main {
		t.Errorf("the snapshot's own URI is not its document version: %v", err)
	}
	if first[bufferURI] != "M: {name: buffer-1}\n" || first[diskURI] != "M: {name: disk-1}\n" || first[mainURI] != snapshotMain {
		t.Errorf("first listing: %q", first)
	}
	if again := texts(); !maps.Equal(again, first) {
		t.Errorf("the listing changed with the workspace:\n%q\n%q", first, again)
	}
	if d, err := snap.Load(diskURI); err != nil || string(d.Text) != "M: {name: disk-1}\n" {
		t.Errorf("a listed file read again through the snapshot: %v", err)
	}
	if f := ws.Snapshot(main).Files(); len(f) != 3 {
		t.Errorf("a new snapshot lists %d files, want 3 (the closed buffer gone)", len(f))
	}
}

// TestSnapshotReferenced: a reference's file part is read relative to the
// document, through the snapshot; remote documents are never fetched that
// way, and a snapshot of no document reads none.
func TestSnapshotReferenced(t *testing.T) {
	dir := writeTree(t, map[string]string{"api/main.yaml": snapshotMain, "common/my file.yaml": "M: {name: common}\n"})
	ws := workspace.New(workspace.Options{Remote: true})
	main := analysis.NewDocument(refs.FileURI(filepath.Join(dir, "api", "main.yaml")), 1, []byte(snapshotMain))
	snap := ws.Snapshot(main)
	d, err := snap.Referenced("../common/my%20file.yaml#/M")
	if err != nil || string(d.Text) != "M: {name: common}\n" {
		t.Fatalf("relative file: %v", err)
	}
	if again, _ := snap.Load(refs.FileURI(filepath.Join(dir, "common", "my file.yaml"))); again != d {
		t.Error("the referenced file is not the one the snapshot pinned")
	}
	if self, err := snap.Referenced("#/channels"); err != nil || self != main {
		t.Errorf("a local reference names the document itself: %v", err)
	}
	if _, err := snap.Referenced("http://127.0.0.1:1/x.yaml#/M"); !errors.Is(err, analysis.ErrRemoteDisabled) {
		t.Errorf("remote reference: %v", err)
	}
	none := ws.Snapshot(nil)
	if _, err := none.Referenced("./x.yaml"); err == nil || none.Model() != nil || none.Document() != nil {
		t.Error("a snapshot of no document reads relative to nothing")
	}
}
