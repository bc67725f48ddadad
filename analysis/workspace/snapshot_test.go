//go:build unix

package workspace_test

import (
	"errors"
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
