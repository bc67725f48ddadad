package server_test

import (
	"context"
	"strings"
	"testing"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const navDoc = `asyncapi: 3.0.0
info:
  title: Nav
  version: 1.0.0
# first comment line
# second comment line
channels:
  userSignedUp:
    address: users
    messages:
      UserSignedUp:
        $ref: './messages/user.yaml#/UserSignedUp'
operations:
  sendUser:
    action: send
    channel:
      $ref: '#/channels/userSignedUp'
components:
  schemas:
    User:
      type: object
`

func openNav(t *testing.T, options string) (*session, uri.URI, *source.Mapper) {
	t.Helper()
	s := newSession(t)
	params := &protocol.InitializeParams{}
	if options != "" {
		params.InitializationOptions = protocol.LSPAny(options)
	}
	if _, err := s.server.Initialize(context.Background(), params); err != nil {
		t.Fatal(err)
	}
	s.server.Initialized(context.Background(), &protocol.InitializedParams{})
	u := uri.URI("file:///nav/api.yaml")
	s.open(u, 1, navDoc)
	return s, u, source.NewMapper([]byte(navDoc))
}

func TestDocumentSymbolOutline(t *testing.T) {
	s, u, m := openNav(t, "")
	res, err := s.server.DocumentSymbol(context.Background(), &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if err != nil {
		t.Fatal(err)
	}
	syms := res.(protocol.DocumentSymbolSlice)
	var outline []string
	var walk func(prefix string, list []protocol.DocumentSymbol)
	walk = func(prefix string, list []protocol.DocumentSymbol) {
		for _, sym := range list {
			line := prefix + sym.Name
			if sym.Detail != nil {
				line += " (" + *sym.Detail + ")"
			}
			outline = append(outline, line)
			if rangeText(m, sym.SelectionRange) != sym.Name {
				t.Errorf("%s: selection range %q", sym.Name, rangeText(m, sym.SelectionRange))
			}
			walk(prefix+"  ", sym.Children)
		}
	}
	walk("", []protocol.DocumentSymbol(syms))
	want := []string{"info (Nav 1.0.0)", "channels", "  userSignedUp (users)", "    UserSignedUp (→ ./messages/user.yaml#/UserSignedUp)",
		"operations", "  sendUser (send → userSignedUp)", "components", "  schemas", "    User"}
	if strings.Join(outline, "\n") != strings.Join(want, "\n") {
		t.Fatalf("outline:\n%s\nwant:\n%s", strings.Join(outline, "\n"), strings.Join(want, "\n"))
	}
	if syms[1].Children[0].Kind != protocol.SymbolKindInterface || syms[2].Children[0].Kind != protocol.SymbolKindMethod {
		t.Errorf("kinds: channel %v, operation %v", syms[1].Children[0].Kind, syms[2].Children[0].Kind)
	}
}

func TestFoldingSelectionLinksAndLens(t *testing.T) {
	s, u, m := openNav(t, `{"asyncapi": {"references": {"codeLens": true}}}`)
	ctx := context.Background()
	doc := protocol.TextDocumentIdentifier{URI: u}

	folds, err := s.server.FoldingRanges(ctx, &protocol.FoldingRangeParams{TextDocument: doc})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range folds {
		got[itoa(int(f.StartLine)+1)+"-"+itoa(int(f.EndLine)+1)+string(f.Kind)] = true
	}
	for _, want := range []string{"5-6comment", "7-12", "2-4", "13-17", "18-21"} {
		if !got[want] {
			t.Errorf("no fold %s in %v", want, got)
		}
	}

	pos := protocol.Position{Line: 20, Character: 13} // inside "object"
	sel, err := s.server.SelectionRange(ctx, &protocol.SelectionRangeParams{TextDocument: doc, Positions: []protocol.Position{pos}})
	if err != nil || len(sel) != 1 {
		t.Fatal(err)
	}
	var steps []string
	for r := &sel[0]; r != nil && len(steps) < 3; r = r.Parent {
		steps = append(steps, rangeText(m, r.Range))
	}
	if len(steps) < 3 || steps[0] != "object" || steps[1] != "type: object" || !strings.HasPrefix(steps[2], "User:") {
		t.Errorf("selection steps %q", steps)
	}

	links, err := s.server.DocumentLink(ctx, &protocol.DocumentLinkParams{TextDocument: doc})
	if err != nil || len(links) != 1 || rangeText(m, links[0].Range) != "./messages/user.yaml" ||
		!strings.HasSuffix(string(*links[0].Target), "/nav/messages/user.yaml") {
		t.Fatalf("links: %+v %v", links, err)
	}

	lenses, err := s.server.CodeLens(ctx, &protocol.CodeLensParams{TextDocument: doc})
	if err != nil || len(lenses) != 1 || lenses[0].Command.Title != "0 references" || rangeText(m, lenses[0].Range) != "User" {
		t.Fatalf("lenses: %+v %v", lenses, err)
	}
	s2, u2, _ := openNav(t, "")
	if off, _ := s2.server.CodeLens(ctx, &protocol.CodeLensParams{TextDocument: protocol.TextDocumentIdentifier{URI: u2}}); len(off) != 0 {
		t.Fatalf("code lens must be off by default: %v", off)
	}
}
