package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// SelectionRange answers, per position, the chain scalar or key → entry →
// collection → … → document.
func (s *Server) SelectionRange(ctx context.Context, params *protocol.SelectionRangeParams) ([]protocol.SelectionRange, error) {
	doc := s.docs.get(params.TextDocument.URI)
	jsonrpc2.Async(ctx)
	if doc == nil {
		return nil, nil
	}
	out := make([]protocol.SelectionRange, 0, len(params.Positions))
	for _, pos := range params.Positions {
		offset := s.clampedOffset(doc.Mapper, pos)
		spans := navigate.SelectionRanges(doc, offset)
		var parent *protocol.SelectionRange
		for i := len(spans) - 1; i >= 0; i-- {
			parent = &protocol.SelectionRange{Range: s.rangeOf(doc.Mapper, spans[i].Start, spans[i].End), Parent: parent}
		}
		if parent == nil {
			parent = &protocol.SelectionRange{Range: protocol.Range{Start: pos, End: pos}}
		}
		out = append(out, *parent)
	}
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	return out, nil
}
