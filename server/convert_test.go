package server_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/convert"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const convertDoc = `asyncapi: 2.6.0 # converted by the editor
info:
  title: Café ☕ events 😀
  version: 1.0.0
servers:
  production:
    url: ws://ws.example.com/stream # the gateway
    protocol: ws
channels:
  orders/{id}:
    parameters:
      id:
        schema:
          type: string
          enum: [a, b]
    # orders come in here
    publish:
      operationId: takeOrder
      message:
        name: Order
        payload:
          type: object
`

// TestConvertCodeAction drives the "Convert to AsyncAPI 3.0.0" action over
// the protocol: offered on the asyncapi line of a 2.x document only, as one
// refactor.rewrite workspace edit whose edits give the converted text; the
// converted document has no error; undoing the edits gives the original
// back, where the action is offered again.
func TestConvertCodeAction(t *testing.T) {
	s := newSession(t)
	init := s.initialize(protocol.ClientCapabilities{})
	if opts, ok := init.Capabilities.CodeActionProvider.(*protocol.CodeActionOptions); !ok || !slices.Contains(opts.CodeActionKinds, protocol.CodeActionKindRefactorRewrite) {
		t.Errorf("refactor.rewrite is not among the advertised code action kinds: %#v", init.Capabilities.CodeActionProvider)
	}
	u := uri.URI("file:///convert/orders.yaml")
	s.open(u, 1, convertDoc)
	s.diagnostics(u, 1)
	m := source.NewMapper([]byte(convertDoc))
	onVersion := rangeOf(m, convertDoc, "2.6.0")

	if got := convertActions(t, s, u, rangeOf(m, convertDoc, "Café"), nil); len(got) != 0 {
		t.Errorf("offered away from the asyncapi line: %v", got)
	}
	if got := convertActions(t, s, u, onVersion, []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}); len(got) != 0 {
		t.Errorf("offered when only quick fixes are asked for: %v", got)
	}
	actions := convertActions(t, s, u, onVersion, []protocol.CodeActionKind{protocol.CodeActionKindRefactor})
	if len(actions) != 1 {
		t.Fatalf("want one conversion action, got %d", len(actions))
	}
	a := actions[0]
	if a.Kind == nil || *a.Kind != protocol.CodeActionKindRefactorRewrite || a.Edit == nil || len(a.Edit.Changes) != 1 || len(a.Edit.DocumentChanges) != 0 {
		t.Fatalf("want one refactor.rewrite workspace edit of this document, got %+v", a)
	}
	edits := a.Edit.Changes[u]
	converted := applyTextEdits(t, m, convertDoc, edits)
	want, err := convert.Convert(analysis.NewDocument(string(u), 1, []byte(convertDoc)), convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if converted != string(want.Text) {
		t.Fatalf("the action's edits give:\n%s\nwant what convert gives:\n%s", converted, want.Text)
	}
	if !strings.Contains(converted, "# orders come in here\n  takeOrder:") || !strings.Contains(converted, "host: ws.example.com # the gateway") {
		t.Errorf("comments did not stay with their content:\n%s", converted)
	}

	// The client applies the edit as one change, last edit first.
	s.change(u, 2, partialChanges(edits)...)
	for _, d := range s.diagnostics(u, 2) {
		if d.Severity == protocol.DiagnosticSeverityError {
			t.Errorf("the converted document has an error: %s (line %d)", d.Message, d.Range.Start.Line+1)
		}
	}
	if got := convertActions(t, s, u, rangeOf(source.NewMapper([]byte(converted)), converted, "3.0.0"), nil); len(got) != 0 {
		t.Errorf("offered on the converted 3.0.0 document")
	}

	// Undo: the inverse of the edits, applied to the converted text.
	undo := inverseEdits(t, m, convertDoc, edits)
	restored := applyTextEdits(t, source.NewMapper([]byte(converted)), converted, undo)
	if restored != convertDoc {
		t.Fatalf("undo gives:\n%s", restored)
	}
	s.change(u, 3, partialChanges(undo)...)
	s.diagnostics(u, 3)
	if got := convertActions(t, s, u, onVersion, nil); len(got) != 1 {
		t.Errorf("after undo the action is not offered again")
	}
}

func convertActions(t *testing.T, s *session, u uri.URI, r protocol.Range, only []protocol.CodeActionKind) []*protocol.CodeAction {
	t.Helper()
	res, err := s.server.CodeAction(context.Background(), &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: r, Context: protocol.CodeActionContext{Only: only}})
	if err != nil {
		t.Fatal(err)
	}
	var out []*protocol.CodeAction
	for _, x := range res {
		if a, ok := x.(*protocol.CodeAction); ok && a.Title == "Convert to AsyncAPI 3.0.0" {
			out = append(out, a)
		}
	}
	return out
}

// rangeOf is the range of the first occurrence of word in text.
func rangeOf(m *source.Mapper, text, word string) protocol.Range {
	i := strings.Index(text, word)
	return protocol.Range{Start: toPos(m, i), End: toPos(m, i+len(word))}
}

// partialChanges sends edits of one version as incremental changes, the
// last one first, so that each range still holds when it is applied.
func partialChanges(edits []protocol.TextEdit) []protocol.TextDocumentContentChangeEvent {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b protocol.TextEdit) int {
		if a.Range.Start.Line != b.Range.Start.Line {
			return int(b.Range.Start.Line) - int(a.Range.Start.Line)
		}
		return int(b.Range.Start.Character) - int(a.Range.Start.Character)
	})
	var out []protocol.TextDocumentContentChangeEvent
	for _, e := range sorted {
		out = append(out, &protocol.TextDocumentContentChangePartial{Range: e.Range, Text: e.NewText})
	}
	return out
}

// inverseEdits computes the edits that undo edits (made on text): each
// inserted text, where it ended up, is replaced by what it replaced.
func inverseEdits(t *testing.T, m *source.Mapper, text string, edits []protocol.TextEdit) []protocol.TextEdit {
	t.Helper()
	type span struct {
		start, end int
		newText    string
	}
	var spans []span
	for _, e := range edits {
		start, _ := m.Offset(source.Position{Line: int(e.Range.Start.Line), Character: int(e.Range.Start.Character)}, source.UTF16)
		end, _ := m.Offset(source.Position{Line: int(e.Range.End.Line), Character: int(e.Range.End.Character)}, source.UTF16)
		spans = append(spans, span{start, end, e.NewText})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	var out []protocol.TextEdit
	type pending struct {
		start, end int
		old        string
	}
	var inv []pending
	last := 0
	for _, sp := range spans {
		b.WriteString(text[last:sp.start])
		at := b.Len()
		b.WriteString(sp.newText)
		inv = append(inv, pending{at, b.Len(), text[sp.start:sp.end]})
		last = sp.end
	}
	b.WriteString(text[last:])
	nm := source.NewMapper([]byte(b.String()))
	for _, p := range inv {
		out = append(out, protocol.TextEdit{Range: protocol.Range{Start: toPos(nm, p.start), End: toPos(nm, p.end)}, NewText: p.old})
	}
	return out
}
