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

// TestCompletionMarkers runs every completion marker of testdata/completion.
// Markers are blanked out before the text is sent, and the cursor is where
// the marker starts:
//
//	#@complete("a", "b", "!c")         items labelled a and b are offered, c is not
//	#@completeEdit("label", "text")    the item labelled label inserts exactly text
//	#@completeFirst("label")           label is the first item
//	#@completeNone()                   nothing is offered
//	#@completeIncomplete("a", "!c")    as complete, and the answer is marked incomplete
//	#@completeComplete("a", "!c")      as complete, and the answer is marked complete
func TestCompletionMarkers(t *testing.T) {
	files, _ := filepath.Glob("testdata/completion/*")
	cases := 0
	for _, fixture := range splitFixtures(t, files) {
		file, raw := fixture.name, fixture.data
		t.Run(filepath.Base(file), func(t *testing.T) {
			markers, text, err := parseMarkers(string(raw), true)
			if err != nil {
				t.Fatal(err)
			}
			s := newSession(t)
			s.initialize(snippetCapabilities())
			u := uri.URI("file:///completion/" + strings.ReplaceAll(filepath.Base(file), " ", "_"))
			s.open(u, 1, text)
			m := source.NewMapper([]byte(text))
			for _, mk := range markers {
				if !strings.HasPrefix(mk.name, "complete") {
					continue
				}
				cases++
				s.checkCompletionMarker(m, u, markerOffset(raw, mk), mk)
			}
		})
	}
	t.Logf("%d completion cases", cases)
}

// checkCompletionMarker completes at offset of the document u and checks
// the answer against the marker.
func (s *session) checkCompletionMarker(m *source.Mapper, u uri.URI, offset int, mk marker) {
	s.t.Helper()
	p, _ := m.Position(offset, source.UTF16)
	res, err := s.server.Completion(context.Background(), &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}}})
	if err != nil {
		s.t.Errorf("line %d: %v", mk.line+1, err)
		return
	}
	list, _ := res.(*protocol.CompletionList)
	incomplete := list != nil && list.IsIncomplete
	checkCompletion(s.t, mk, completionItems(res), incomplete)
}

func completionItems(res protocol.CompletionResult) []protocol.CompletionItem {
	switch r := res.(type) {
	case *protocol.CompletionList:
		return r.Items
	case protocol.CompletionItemSlice:
		return r
	}
	return nil
}

// markerOffset is the byte offset where a marker starts in the fixture.
func markerOffset(raw []byte, mk marker) int {
	return source.NewMapper(raw).LineStart(mk.line) + mk.col
}

func checkCompletion(t *testing.T, mk marker, items []protocol.CompletionItem, incomplete bool) {
	t.Helper()
	byLabel := map[string]protocol.CompletionItem{}
	var labels []string
	for _, it := range items {
		byLabel[it.Label] = it
		labels = append(labels, it.Label)
	}
	line := mk.line + 1
	switch mk.name {
	case "completeIncomplete", "completeComplete":
		if want := mk.name == "completeIncomplete"; incomplete != want {
			t.Errorf("line %d: incomplete is %v, want %v (%d items)", line, incomplete, want, len(items))
		}
		fallthrough
	case "complete":
		for _, want := range mk.args {
			if name, ok := strings.CutPrefix(want, "!"); ok {
				if _, found := byLabel[name]; found {
					t.Errorf("line %d: %q must not be offered; got %q", line, name, labels)
				}
			} else if _, found := byLabel[want]; !found {
				t.Errorf("line %d: %q not offered; got %q", line, want, labels)
			}
		}
		if len(labels) != len(byLabel) {
			t.Errorf("line %d: duplicate labels in %q", line, labels)
		}
	case "completeEdit":
		it, found := byLabel[mk.args[0]]
		if !found {
			t.Errorf("line %d: %q not offered; got %q", line, mk.args[0], labels)
			return
		}
		edit, _ := it.TextEdit.(*protocol.TextEdit)
		if edit == nil || edit.NewText != mk.args[1] {
			t.Errorf("line %d: %q inserts %+v, want %q", line, mk.args[0], it.TextEdit, mk.args[1])
		}
	case "completeFirst":
		if len(items) == 0 || items[0].Label != mk.args[0] {
			t.Errorf("line %d: first item should be %q; got %q", line, mk.args[0], labels)
		}
	case "completeNone":
		if len(items) != 0 {
			t.Errorf("line %d: want no items, got %q", line, labels)
		}
	}
}

type fixture struct {
	name string
	data []byte
}

// splitFixtures reads fixture files; a .txtar file holds several documents,
// each introduced by a "-- name --" line (names keep their extension, so a
// document is YAML or JSON by its name).
func splitFixtures(t *testing.T, files []string) []fixture {
	var out []fixture
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(file, ".txtar") {
			out = append(out, fixture{file, raw})
			continue
		}
		var cur *fixture
		for _, line := range strings.SplitAfter(string(raw), "\n") {
			if name, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "-- "); ok && strings.HasSuffix(name, " --") {
				out = append(out, fixture{name: filepath.Base(file) + "/" + strings.TrimSuffix(name, " --")})
				cur = &out[len(out)-1]
				continue
			}
			if cur != nil {
				cur.data = append(cur.data, line...)
			}
		}
	}
	return out
}
