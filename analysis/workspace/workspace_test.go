//go:build unix

package workspace_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

// writeTree writes files (path → text) under a temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// diagnosticsAt analyses the document at path with the workspace as
// resolver and returns "value text → code: message" for each diagnostic of
// the reference engine.
func diagnosticsAt(t *testing.T, ws *workspace.Workspace, path string) map[string]analysis.Diagnostic {
	t.Helper()
	doc, err := ws.Load(refs.FileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]analysis.Diagnostic{}
	for _, d := range analysis.Analyze(doc, analysis.Options{Resolver: ws}) {
		switch d.Code {
		case analysis.CodeUnresolvedRef, analysis.CodeInvalidRef, analysis.CodeRefWrongKind, analysis.CodeCircularRef:
			out[string(doc.Text[d.Start:d.End])] = d
		}
	}
	return out
}

const header = "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\n"

func TestUnresolvedReferences(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.yaml": header + `channels:
  c:
    messages:
      a: {$ref: './nope.yaml#/X'}
      b: {$ref: './shared.yaml#/components/messages/Sigend'}
      c: {$ref: './shared.yaml#/components/messages/Signed'}
      d: {$ref: './sub'}
      e: {$ref: 'file:///dev/zero'}
      f: {$ref: './loop-a.yaml'}
      g: {$ref: './fifo.yaml'}
      h: {$ref: '#/components/messages/Lcoal'}
      i: {$ref: '#components/messages/Local'}
      j: {$ref: 'https://example.com/x.yaml#/X'}
      k: {$ref: './big.yaml'}
components:
  messages:
    Local: {payload: {type: string}}
`,
		"shared.yaml":   "components:\n  messages:\n    Signed: {payload: {type: string}}\n",
		"sub/keep.yaml": "x: 1\n",
		"big.yaml":      strings.Repeat("# padding\n", 200),
	})
	os.Symlink("loop-b.yaml", filepath.Join(dir, "loop-a.yaml"))
	os.Symlink("loop-a.yaml", filepath.Join(dir, "loop-b.yaml"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	ws := workspace.New(workspace.Options{MaxFileSize: 1000})
	got := diagnosticsAt(t, ws, filepath.Join(dir, "main.yaml"))
	for value, want := range map[string]string{
		`'./nope.yaml#/X'`: "no such file",
		`'./shared.yaml#/components/messages/Sigend'`: `did you mean "Signed"`,
		`'./sub'`:                       "directory",
		`'file:///dev/zero'`:            "not a regular file",
		`'./loop-a.yaml'`:               "symbolic links",
		`'./fifo.yaml'`:                 "not a regular file",
		`'#/components/messages/Lcoal'`: `did you mean "Local"`,
		`'#components/messages/Local'`:  "JSON pointer",
		`'./big.yaml'`:                  "larger than",
	} {
		d, ok := got[value]
		if !ok {
			t.Errorf("%s: no diagnostic", value)
			continue
		}
		if !strings.Contains(d.Message, want) {
			t.Errorf("%s: %q lacks %q", value, d.Message, want)
		}
		delete(got, value)
	}
	for value, d := range got {
		t.Errorf("unexpected diagnostic on %s: [%s] %s", value, d.Code, d.Message)
	}
	if d := diagnosticsAt(t, ws, filepath.Join(dir, "main.yaml")); d[`'#/components/messages/Lcoal'`].Suggestion != "#/components/messages/Local" {
		t.Errorf("suggestion %q", d[`'#/components/messages/Lcoal'`].Suggestion)
	}
}

func TestCycleHasRelatedLocations(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.yaml":  header + "components:\n  schemas:\n    Far: {$ref: './other.yaml#/Back'}\n",
		"other.yaml": "Back: {$ref: './main.yaml#/components/schemas/Far'}\n",
	})
	ws := workspace.New(workspace.Options{})
	d, ok := diagnosticsAt(t, ws, filepath.Join(dir, "main.yaml"))[`'./other.yaml#/Back'`]
	if !ok || d.Code != analysis.CodeCircularRef {
		t.Fatalf("no cycle: %+v", d)
	}
	if len(d.Related) != 1 || !strings.HasSuffix(d.Related[0].URI, "other.yaml") {
		t.Fatalf("related: %+v", d.Related)
	}
}

func TestOverlayOverridesDiskAndDependents(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.yaml":   header + "components:\n  messages:\n    M: {$ref: './shared.yaml#/components/messages/X'}\n",
		"shared.yaml": "components:\n  messages:\n    Y: {}\n",
	})
	ws := workspace.New(workspace.Options{})
	mainPath := filepath.Join(dir, "main.yaml")
	if got := diagnosticsAt(t, ws, mainPath); len(got) != 1 {
		t.Fatalf("on disk the target is missing: %v", got)
	}
	shared := refs.FileURI(filepath.Join(dir, "shared.yaml"))
	ws.SetOverlay(analysis.NewDocument(shared, 2, []byte("components:\n  messages:\n    X: {}\n")))
	if got := diagnosticsAt(t, ws, mainPath); len(got) != 0 {
		t.Fatalf("the open buffer has the target: %v", got)
	}
	deps := ws.Dependents(shared)
	if len(deps) != 1 || !strings.HasSuffix(deps[0].URI, "main.yaml") {
		t.Fatalf("dependents: %v", deps)
	}
	ws.RemoveOverlay(shared)
	if got := diagnosticsAt(t, ws, mainPath); len(got) != 1 {
		t.Fatalf("after closing, the disk counts again: %v", got)
	}
}

func TestIndexSkipsDependencyFolders(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"api/a.yaml":            header,
		"api/frag.yaml":         "components: {}\n",
		"node_modules/x/b.yaml": header,
		".git/c.yaml":           header,
		"vendor/d.yaml":         header,
		"notes/readme.json":     `{"name": "not asyncapi"}`,
		"api/uses.yaml":         header + "components:\n  messages:\n    M: {$ref: './frag.yaml#/components'}\n",
	})
	ws := workspace.New(workspace.Options{})
	calls := 0
	found := ws.Index(t.Context(), []string{dir}, func(done, total int) { calls++ })
	if found != 2 || calls == 0 {
		t.Fatalf("found %d documents, %d progress calls", found, calls)
	}
	var names []string
	for _, f := range ws.Files() {
		names = append(names, filepath.Base(refs.FilePath(f.URI)))
	}
	if strings.Join(names, " ") != "a.yaml frag.yaml uses.yaml" {
		t.Fatalf("files %v", names)
	}
	if !ws.Changed(refs.FileURI(filepath.Join(dir, "api/a.yaml")), true) || len(ws.Files()) != 2 {
		t.Fatalf("deletion not applied: %d files", len(ws.Files()))
	}
}

// TestIndexLeavesBigFilesUnparsed: a file over a megabyte that shows the
// "asyncapi" key is indexed without being parsed (its first reader parses
// it); its references are then found when they are asked for.
func TestIndexLeavesBigFilesUnparsed(t *testing.T) {
	big := header + "components:\n  messages:\n    M: {$ref: './frag.yaml#/components'}\n  schemas:\n" +
		strings.Repeat("    s: {type: string}\n", 1<<20/20)
	dir := writeTree(t, map[string]string{"big.yaml": big, "frag.yaml": "components: {}\n", "small.yaml": header})
	ws := workspace.New(workspace.Options{})
	if found := ws.Index(t.Context(), []string{dir}, nil); found != 2 {
		t.Fatalf("found %d documents, want 2", found)
	}
	f, err := ws.File(refs.FileURI(filepath.Join(dir, "big.yaml")))
	if err != nil || f.Doc.Parsed() {
		t.Fatalf("the big file: %v, parsed %v", err, f != nil && f.Doc.Parsed())
	}
	if rs := f.Refs(); len(rs) != 1 || !f.IsAsyncAPI() {
		t.Fatalf("the big file read later: %d references, AsyncAPI %v", len(rs), f.IsAsyncAPI())
	}
}
