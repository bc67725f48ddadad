package server_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis/refs"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// oddFolders are folder names that URIs must escape or that clients spell
// in different ways.
var oddFolders = []string{"plain", "a#b", "100%", "%41", "with space", "ünïcödé", "a?b"}

// pathFixture writes the files of testdata/paths/layout.txtar in a folder
// named name under dir, and returns the folder.
func pathFixture(t *testing.T, dir, name string) string {
	t.Helper()
	raw, err := os.ReadFile("testdata/paths/layout.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files, err := parseArchive(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, name)
	for _, f := range files {
		p := filepath.Join(folder, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.Data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return folder
}

// clientSpellings are the URIs clients send for one file: escaped as the
// URI grammar asks (VS Code), and with non-ASCII letters left as they are
// and lower-case escapes (other clients).
func clientSpellings(path string) []uri.URI {
	var loose strings.Builder
	for _, r := range filepath.ToSlash(path) {
		switch r {
		case '%', '#', '?', ' ':
			loose.WriteString(strings.ToLower(url.PathEscape(string(r))))
		default:
			loose.WriteRune(r)
		}
	}
	return []uri.URI{uri.URI(refs.FileURI(filepath.ToSlash(path))), uri.URI("file://" + loose.String())}
}

// TestPathsThatAreNotPlain: in a folder whose name holds "#", "%", "?",
// spaces or non-ASCII letters, relative references resolve as in a plain
// one, whichever way the client spells the document's URI: no reference
// error, a definition in the right file, and the missing file of bad.yaml
// still reported.
func TestPathsThatAreNotPlain(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	version := int32(0)
	for _, name := range oddFolders {
		folder := pathFixture(t, dir, name)
		for _, u := range clientSpellings(filepath.Join(folder, "doc.yaml")) {
			t.Run(string(u), func(t *testing.T) {
				version++
				text, _ := os.ReadFile(filepath.Join(folder, "doc.yaml"))
				s.open(u, version, string(text))
				// The protocol layer hands the server the canonical spelling,
				// which it publishes under.
				published := uri.MustParse(string(u))
				for _, d := range s.diagnostics(published, version) {
					if d.Severity == protocol.DiagnosticSeverityError || strings.Contains(codeOf(d), "ref") {
						t.Errorf("[%s] %s", codeOf(d), messageOf(d))
					}
				}
				lines := strings.Split(string(text), "\n")
				for i, l := range lines {
					j := strings.Index(l, "$ref: '")
					if j < 0 {
						continue
					}
					res, err := s.server.Definition(context.Background(), &protocol.DefinitionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
						TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: uint32(i), Character: uint32(j + 9)}}})
					loc, _ := res.(*protocol.Location)
					if err != nil || loc == nil {
						t.Errorf("line %d: no definition (%v)", i+1, err)
						continue
					}
					target := strings.TrimPrefix(strings.SplitN(l[j+7:], "#", 2)[0], "./")
					target, _ = url.PathUnescape(target)
					if got, want := refs.FilePath(string(loc.URI)), filepath.ToSlash(filepath.Join(folder, target)); got != want {
						t.Errorf("line %d: definition in %s (%s), want %s", i+1, got, loc.URI, want)
					}
				}
				s.server.DidClose(context.Background(), &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
			})
		}
		version++
		bad := uri.URI(refs.FileURI(filepath.ToSlash(filepath.Join(folder, "bad.yaml"))))
		text, _ := os.ReadFile(filepath.Join(folder, "bad.yaml"))
		s.open(bad, version, string(text))
		if got := s.diagnostics(bad, version); len(got) != 1 || codeOf(got[0]) != "unresolved-ref" {
			t.Errorf("%s: want one unresolved-ref, got %v", name, got)
		}
	}
}
