package server

import (
	"context"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/fix"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/convert"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// FixAllKind applies every safe fix of a document at once.
const FixAllKind protocol.CodeActionKind = "source.fixAll.asyncapi"

// CodeAction offers the quick fixes of the diagnostics in the range, and
// with source.fixAll(.asyncapi) one action applying every safe fix. The
// diagnostics are computed again on the snapshot rather than trusted from
// the client, so the edits always fit the text they apply to.
func (s *Server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	u := params.TextDocument.URI
	snap := s.snapshot(u)
	jsonrpc2.Async(ctx)
	if snap == nil || isConfigFile(u) {
		return nil, nil
	}
	doc := snap.Document()
	opts, ignored := s.analysisOptions(snap)
	if ignored {
		return nil, nil
	}
	wantQuick, wantAll, wantRewrite := kindsWanted(params.Context.Only)
	start := s.clampedOffset(doc.Mapper, params.Range.Start)
	end := s.clampedOffset(doc.Mapper, params.Range.End)
	var out []protocol.CommandOrCodeAction
	if wantRewrite {
		if a := s.convertAction(u, doc, start, end, s.nav.ws.Snapshot(doc)); a != nil {
			out = append(out, a)
		}
	}
	if !wantQuick && !wantAll {
		return out, nil
	}
	found := analysis.Analyze(doc, opts)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	if wantQuick {
		for _, d := range found {
			if d.End < start || d.Start > end {
				continue
			}
			for _, f := range fix.For(doc, d) {
				kind := protocol.CodeActionKindQuickFix
				preferred := f.Safe
				out = append(out, &protocol.CodeAction{
					Title:       f.Title,
					Kind:        &kind,
					Diagnostics: []protocol.Diagnostic{s.toProtocolDiagnostic(snap, d)},
					IsPreferred: &preferred,
					Edit:        s.workspaceEdit(u, doc, f.Edits),
				})
			}
		}
	}
	if wantAll {
		if edits := fix.All(doc, found); len(edits) > 0 {
			kind := FixAllKind
			out = append(out, &protocol.CodeAction{Title: "Fix all safe AsyncAPI problems", Kind: &kind, Edit: s.workspaceEdit(u, doc, edits)})
		}
	}
	return out, nil
}

// kindsWanted reads context.only: nothing means quick fixes and rewrites
// (fix-all is asked for by kind, on save or by command).
func kindsWanted(only []protocol.CodeActionKind) (quick, all, rewrite bool) {
	if len(only) == 0 {
		return true, false, true
	}
	for _, k := range only {
		switch k {
		case protocol.CodeActionKindQuickFix, "":
			quick = true
		case protocol.CodeActionKindSource, protocol.CodeActionKindSourceFixAll, FixAllKind:
			all = true
		case protocol.CodeActionKindRefactor, protocol.CodeActionKindRefactorRewrite:
			rewrite = true
		}
	}
	return quick, all, rewrite
}

// convertAction offers, on the asyncapi key or value of a 2.x document,
// its conversion to 3.0.0 as one workspace edit (one undo step).
func (s *Server) convertAction(u uri.URI, doc *analysis.Document, start, end int, resolver analysis.Resolver) *protocol.CodeAction {
	root := doc.Root()
	if root == nil || root.Kind != syntax.Mapping || len(doc.File().Errors) > 0 {
		return nil
	}
	p := root.Entry("asyncapi")
	if p == nil || !strings.HasPrefix(p.Value.String(), "2.") || end < p.Key.Start || start > max(p.Value.End, p.Key.End) {
		return nil
	}
	res, err := convert.Convert(doc, convert.Options{To: "3.0.0", Resolver: resolver})
	if err != nil || !res.Changed() {
		return nil
	}
	edits := make([]fix.Edit, len(res.Edits))
	for i, e := range res.Edits {
		edits[i] = fix.Edit{Start: e.Start, End: e.End, Text: e.Text}
	}
	kind := protocol.CodeActionKindRefactorRewrite
	return &protocol.CodeAction{Title: "Convert to AsyncAPI 3.0.0", Kind: &kind, Edit: s.workspaceEdit(u, doc, edits)}
}

func (s *Server) workspaceEdit(u uri.URI, doc *analysis.Document, edits []fix.Edit) *protocol.WorkspaceEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: s.rangeOf(doc.Mapper, e.Start, e.End), NewText: e.Text})
	}
	return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: out}}
}
