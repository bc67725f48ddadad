package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestDefinitionMarkers: on the marker's line, with the cursor inside the
// first occurrence of the first argument,
//
//	#@def("at", "target text")  definition lands on a range whose text is "target text"
//	#@nodef("at")               definition finds nothing
func TestDefinitionMarkers(t *testing.T) {
	files, _ := filepath.Glob("testdata/definition/*")
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	for _, file := range files {
		raw, _ := os.ReadFile(file)
		markers, text, err := parseMarkers(string(raw), strings.HasSuffix(file, ".json"))
		if err != nil {
			t.Fatal(err)
		}
		u := uri.URI("file:///definition/" + filepath.Base(file))
		s.open(u, 1, text)
		m := source.NewMapper([]byte(text))
		count := 0
		for _, mk := range markers {
			if mk.name != "def" && mk.name != "nodef" {
				continue
			}
			count++
			pos := markerPosition(t, m, mk)
			res, err := s.server.Definition(context.Background(), &protocol.DefinitionParams{
				TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}})
			if err != nil {
				t.Errorf("line %d: %v", mk.line+1, err)
				continue
			}
			loc, _ := res.(*protocol.Location)
			if mk.name == "nodef" {
				if loc != nil {
					t.Errorf("line %d: want no definition, got %q", mk.line+1, rangeText(m, loc.Range))
				}
				continue
			}
			if loc == nil {
				t.Errorf("line %d: no definition for %q", mk.line+1, mk.args[0])
				continue
			}
			if got := rangeText(m, loc.Range); got != mk.args[1] || loc.URI != u {
				t.Errorf("line %d: definition at %q in %s, want %q", mk.line+1, got, loc.URI, mk.args[1])
			}
		}
		if count == 0 {
			t.Errorf("%s: no markers", file)
		}
	}
}

// markerPosition is the position one character into the first occurrence of
// the marker's first argument on its line.
func markerPosition(t *testing.T, m *source.Mapper, mk marker) protocol.Position {
	t.Helper()
	start := m.LineStart(mk.line)
	lineText := string(m.Text()[start:m.LineStart(mk.line+1)])
	i := strings.Index(lineText, mk.args[0])
	if i < 0 {
		t.Fatalf("line %d: %q not found", mk.line+1, mk.args[0])
	}
	p, err := m.Position(start+i+1, source.UTF16)
	if err != nil {
		t.Fatal(err)
	}
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}
