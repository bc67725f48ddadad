package server

import (
	"context"
	"strconv"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// CodeLens shows "N references" above every component, when the setting
// asyncapi.references.codeLens is on (it is off by default).
func (s *Server) CodeLens(ctx context.Context, params *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	snap := s.snapshot(params.TextDocument.URI)
	jsonrpc2.Async(ctx)
	if snap == nil || !s.nav.codeLens.Load() {
		return nil, nil
	}
	doc := snap.Document()
	lenses := navigate.ReferenceCounts(snap)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	out := make([]protocol.CodeLens, 0, len(lenses))
	for _, l := range lenses {
		title := strconv.Itoa(l.Count) + " references"
		if l.Count == 1 {
			title = "1 reference"
		}
		// No command: the lens is informative; "find references" on the
		// key lists them in any editor.
		out = append(out, protocol.CodeLens{Range: s.rangeOf(doc.Mapper, l.Start, l.End), Command: protocol.Command{Title: title}})
	}
	return out, nil
}
