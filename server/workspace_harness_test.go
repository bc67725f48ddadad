package server_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// fixture is a multi-file archive written to a temporary folder, every
// file opened in the session (the buffers equal the disk, so the results do
// not depend on the order of opening). Files listed in a ".closed" file
// stay on disk only; ".symlinks" lines "link -> target" make symbolic links;
// ".generate" lines "pattern count" write count small files named by the
// fmt pattern (with one %d), for folders too big to spell out; a
// ".workspace" file makes the archive's folder the workspace folder; with a
// ".typing" file the documents are half-typed and their diagnostics are not
// checked.
type wsFixture struct {
	t       *testing.T
	dir     string
	files   map[string]*wsFile // by archive name
	names   []string
	session *session
	folder  bool // the archive's folder is the session's workspace folder
	typing  bool // the documents are being typed: diagnostics are not checked
}

type wsFile struct {
	name    string
	uri     uri.URI
	text    string // as sent (markers blanked in JSON)
	markers []marker
	mapper  *source.Mapper
	open    bool
	version int32
}

func loadWorkspaceFixture(t *testing.T, path string) *wsFixture {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	archive, err := parseArchive(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	fx := &wsFixture{t: t, dir: t.TempDir(), files: map[string]*wsFile{}}
	closed := map[string]bool{}
	for _, a := range archive {
		switch a.Name {
		case ".closed":
			for _, n := range strings.Fields(a.Data) {
				closed[n] = true
			}
			continue
		case ".workspace":
			fx.folder = true
			continue
		case ".typing":
			fx.typing = true
			continue
		case ".generate":
			for _, line := range strings.Split(strings.TrimSpace(a.Data), "\n") {
				pattern, count, _ := strings.Cut(strings.TrimSpace(line), " ")
				n, err := strconv.Atoi(count)
				if err != nil {
					t.Fatalf(".generate: %q", line)
				}
				for i := range n {
					p := filepath.Join(fx.dir, filepath.FromSlash(fmt.Sprintf(pattern, i)))
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, []byte("type: object\n"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			continue
		case ".symlinks":
			for _, line := range strings.Split(strings.TrimSpace(a.Data), "\n") {
				link, target, _ := strings.Cut(line, " -> ")
				p := filepath.Join(fx.dir, strings.TrimSpace(link))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.Symlink(strings.TrimSpace(target), p); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		markers, text, err := parseMarkers(a.Data, strings.HasSuffix(a.Name, ".json") || strings.HasSuffix(a.Name, ".avsc"))
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		p := filepath.Join(fx.dir, filepath.FromSlash(a.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		fx.files[a.Name] = &wsFile{name: a.Name, uri: uri.URI(refs.FileURI(p)), text: text, markers: markers,
			mapper: source.NewMapper([]byte(text)), version: 1}
		fx.names = append(fx.names, a.Name)
	}
	sort.Strings(fx.names)
	for _, n := range fx.names {
		fx.files[n].open = !closed[n]
	}
	return fx
}

// start opens a fresh session on the fixture, as an editor with snippets
// opens the files (and the folder, with ".workspace").
func (fx *wsFixture) start() *session {
	s := newSession(fx.t)
	folder := uri.URI("")
	if fx.folder {
		folder = uri.URI(refs.FileURI(fx.dir))
	}
	s.initializeFolder(folder, snippetCapabilities())
	for _, n := range fx.names {
		if f := fx.files[n]; f.open {
			s.open(f.uri, f.version, f.text)
		}
	}
	fx.session = s
	return s
}

// file finds a fixture file by archive name.
func (fx *wsFixture) file(name string) *wsFile {
	fx.t.Helper()
	f := fx.files[name]
	if f == nil {
		fx.t.Fatalf("no file %q in the fixture", name)
	}
	return f
}

// byURI finds the fixture file of a URI.
func (fx *wsFixture) byURI(u uri.URI) *wsFile {
	for _, f := range fx.files {
		if refs.CanonicalURI(string(f.uri)) == refs.CanonicalURI(string(u)) {
			return f
		}
	}
	return nil
}

// position is the position one character into the first occurrence of at
// on the marker's line.
func (f *wsFile) position(t *testing.T, line int, at string) protocol.Position {
	t.Helper()
	return markerPosition(t, f.mapper, marker{line: line, args: []string{at}})
}

// span is "name:line:text" for a range of a fixture file, for comparisons.
func (fx *wsFixture) span(loc protocol.Location) string {
	f := fx.byURI(loc.URI)
	if f == nil {
		return string(loc.URI) + ":?"
	}
	return f.name + ":" + itoa(int(loc.Range.Start.Line)+1) + ":" + rangeText(f.mapper, loc.Range)
}

// markedSpan is the span a "#@decl(group, text)" or "#@site(group, text)"
// marker names.
func (f *wsFile) markedSpan(mk marker) string {
	return f.name + ":" + itoa(mk.line+1) + ":" + mk.args[1]
}

// settledDiagnostics waits until the latest diagnostics published for the
// given version of u have stopped changing (dependents are re-checked after
// their references' files change), and returns them.
func (s *session) settledDiagnostics(u uri.URI, version int32) []protocol.Diagnostic {
	s.t.Helper()
	s.diagnostics(u, version)
	count := -1
	for stable := 0; stable < 8; {
		time.Sleep(25 * time.Millisecond)
		s.client.mu.Lock()
		n := len(s.client.published[u])
		s.client.mu.Unlock()
		if n == count {
			stable++
		} else {
			count, stable = n, 0
		}
	}
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	list := s.client.published[u]
	for i := len(list) - 1; i >= 0; i-- {
		if v, ok := list[i].Version.Get(); ok && v == version {
			return list[i].Diagnostics
		}
	}
	return nil
}

func (s *session) references(u uri.URI, pos protocol.Position, decl bool) []protocol.Location {
	s.t.Helper()
	res, err := s.server.References(context.Background(), &protocol.ReferenceParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos},
		Context:                    protocol.ReferenceContext{IncludeDeclaration: decl}})
	if err != nil {
		s.t.Fatalf("references: %v", err)
	}
	return res
}

func osWriteFile(p, text string) error { return os.WriteFile(p, []byte(text), 0o644) }
