package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/protocol"
)

// DocumentHighlight marks, in this document, the definition under the
// cursor (write) and every place that names it (read).
func (s *Server) DocumentHighlight(ctx context.Context, params *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	doc, offset, ok := s.snapshotAt(ctx, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}
	found := navigate.Highlights(s.nav.ws, doc, offset)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	out := make([]protocol.DocumentHighlight, 0, len(found))
	for _, r := range found {
		kind := protocol.DocumentHighlightKindRead
		if r.Declaration {
			kind = protocol.DocumentHighlightKindWrite
		}
		out = append(out, protocol.DocumentHighlight{Range: s.rangeOf(doc.Mapper, r.Start, r.End), Kind: kind})
	}
	return out, nil
}
