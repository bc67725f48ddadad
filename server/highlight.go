package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/protocol"
)

// DocumentHighlight marks, in this document, the definition under the
// cursor (write) and every place that names it (read).
func (s *Server) DocumentHighlight(ctx context.Context, params *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	snap, offset, ok := s.snapshotAt(ctx, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}
	doc := snap.Document()
	found := navigate.Highlights(snap, offset)
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
