package server_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestHoverMarkers: with the cursor one character into the first occurrence
// of the first argument on the marker's line,
//
//	#@hover("at", "part", "!absent")  the hover text contains each part and none of the !absent ones
//	#@nohover("at")                   there is no hover
func TestHoverMarkers(t *testing.T) {
	files, _ := filepath.Glob("testdata/hover/*")
	cases := 0
	for _, fx := range splitFixtures(t, files) {
		t.Run(filepath.Base(fx.name), func(t *testing.T) {
			markers, text, err := parseMarkers(string(fx.data), true)
			if err != nil {
				t.Fatal(err)
			}
			s := newSession(t)
			s.initialize(protocol.ClientCapabilities{})
			u := uri.URI("file:///hover/" + filepath.Base(fx.name))
			s.open(u, 1, text)
			m := source.NewMapper([]byte(text))
			for _, mk := range markers {
				if mk.name != "hover" && mk.name != "nohover" {
					continue
				}
				cases++
				s.checkHoverMarker(u, markerPosition(t, m, mk), mk)
			}
		})
	}
	t.Logf("%d hover cases", cases)
}

// checkHoverMarker hovers at pos of the document u and checks the answer
// against a hover or nohover marker.
func (s *session) checkHoverMarker(u uri.URI, pos protocol.Position, mk marker) {
	t := s.t
	t.Helper()
	h, err := s.server.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}})
	if err != nil {
		t.Errorf("line %d: %v", mk.line+1, err)
		return
	}
	if mk.name == "nohover" {
		if h != nil {
			t.Errorf("line %d: want no hover, got %+v", mk.line+1, h.Contents)
		}
		return
	}
	if h == nil {
		t.Errorf("line %d: no hover at %q", mk.line+1, mk.args[0])
		return
	}
	content, _ := h.Contents.(*protocol.MarkupContent)
	if content == nil || content.Kind != protocol.MarkupKindMarkdown {
		t.Errorf("line %d: hover is not Markdown: %+v", mk.line+1, h.Contents)
		return
	}
	for _, part := range mk.args[1:] {
		if absent, ok := strings.CutPrefix(part, "!"); ok {
			if strings.Contains(content.Value, absent) {
				t.Errorf("line %d: hover must not contain %q:\n%s", mk.line+1, absent, content.Value)
			}
		} else if !strings.Contains(content.Value, part) {
			t.Errorf("line %d: hover lacks %q:\n%s", mk.line+1, part, content.Value)
		}
	}
}
