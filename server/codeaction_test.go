package server_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestCodeActionFixtures runs every testdata/codeaction/<name>.before.* through
// the protocol and compares the result with <name>.after.*:
//
//	#@fix("range text", "title")   ask for code actions on "range text" of this line and apply the one with that title
//	#@fixAll()                     ask for source.fixAll.asyncapi and apply it
//
// updateCodeActions rewrites the .after. files with what the fixes do.
var updateCodeActions = flag.Bool("update-code-actions", false, "rewrite testdata/codeaction/*.after.* with the fixes' results")

func TestCodeActionFixtures(t *testing.T) {
	befores, _ := filepath.Glob("testdata/codeaction/*.before.*")
	if len(befores) == 0 {
		t.Fatal("no fixtures")
	}
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	// The id rules are among the style rules the session turns off; turn
	// them on again as a user would, with didChangeConfiguration.
	settings := []byte(`{"asyncapi": {"rules": {"asyncapi-operation-operationId": "warning", "asyncapi-message-messageId": "warning"}}}`)
	if err := s.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{Settings: settings}); err != nil {
		t.Fatal(err)
	}
	for i, before := range befores {
		after := strings.Replace(before, ".before.", ".after.", 1)
		t.Run(filepath.Base(before), func(t *testing.T) {
			raw, err := os.ReadFile(before)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(after)
			if err != nil {
				t.Fatal(err)
			}
			isJSON := strings.HasSuffix(before, ".json")
			markers, text, err := parseMarkers(string(raw), isJSON)
			if err != nil || len(markers) != 1 {
				t.Fatalf("want one marker: %v %v", markers, err)
			}
			_, wantText, _ := parseMarkers(string(want), isJSON)
			abs, _ := filepath.Abs(before) // a real path: references to files beside it resolve
			u := uri.URI(refs.FileURI(abs))
			s.open(u, int32(i+1), text)
			s.diagnostics(u, int32(i+1))
			m := source.NewMapper([]byte(text))
			mk := markers[0]
			params := &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}
			switch mk.name {
			case "fix":
				start := lineOffset(m, mk.line) + strings.Index(lineText(text, mk.line), mk.args[0])
				params.Range = protocol.Range{Start: toPos(m, start), End: toPos(m, start+len(mk.args[0]))}
			case "fixAll":
				params.Context.Only = []protocol.CodeActionKind{"source.fixAll.asyncapi"}
			}
			actions, err := s.server.CodeAction(context.Background(), params)
			if err != nil {
				t.Fatal(err)
			}
			var chosen *protocol.CodeAction
			var titles []string
			for _, a := range actions {
				ca, ok := a.(*protocol.CodeAction)
				if !ok {
					continue
				}
				titles = append(titles, ca.Title)
				if mk.name == "fixAll" || ca.Title == mk.args[1] {
					chosen = ca
				}
			}
			if chosen == nil {
				t.Fatalf("no action %v; got %q", mk.args, titles)
			}
			got := applyTextEdits(t, m, text, chosen.Edit.Changes[u])
			if got != wantText && *updateCodeActions {
				if err := os.WriteFile(after, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if got != wantText {
				t.Errorf("after %q:\n%s\nwant:\n%s (go test ./server -run TestCodeActionFixtures -update-code-actions rewrites it)", chosen.Title, got, wantText)
			}
			s.server.DidClose(context.Background(), &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
		})
	}
}

// TestCodeActionCapability: the server advertises code actions and their kinds.
func TestCodeActionCapability(t *testing.T) {
	s := newSession(t)
	res := s.initialize(protocol.ClientCapabilities{})
	raw, _ := json.Marshal(res.Capabilities.CodeActionProvider)
	if !strings.Contains(string(raw), "source.fixAll.asyncapi") || !strings.Contains(string(raw), "quickfix") {
		t.Errorf("codeActionProvider %s", raw)
	}
}

func lineText(text string, line int) string { return strings.Split(text, "\n")[line] }

func lineOffset(m *source.Mapper, line int) int {
	off, _ := m.Offset(source.Position{Line: line}, source.UTF16)
	return off
}

func toPos(m *source.Mapper, off int) protocol.Position {
	p, _ := m.Position(off, source.UTF16)
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}

func applyTextEdits(t *testing.T, m *source.Mapper, text string, edits []protocol.TextEdit) string {
	t.Helper()
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		start, err1 := m.Offset(source.Position{Line: int(e.Range.Start.Line), Character: int(e.Range.Start.Character)}, source.UTF16)
		end, err2 := m.Offset(source.Position{Line: int(e.Range.End.Line), Character: int(e.Range.End.Character)}, source.UTF16)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad edit range %+v", e.Range)
		}
		spans = append(spans, span{start, end, e.NewText})
	}
	slices.SortFunc(spans, func(a, b span) int { return b.start - a.start })
	for _, sp := range spans {
		text = text[:sp.start] + sp.text + text[sp.end:]
	}
	return text
}
