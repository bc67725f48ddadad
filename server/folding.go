package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// FoldingRanges folds every block that spans lines and every comment run.
func (s *Server) FoldingRanges(ctx context.Context, params *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	doc := s.docs.get(params.TextDocument.URI)
	jsonrpc2.Async(ctx)
	if doc == nil {
		return nil, nil
	}
	folds := navigate.FoldingRanges(doc)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	out := make([]protocol.FoldingRange, 0, len(folds))
	for _, f := range folds {
		r := s.rangeOf(doc.Mapper, f.Start, f.End)
		fr := protocol.FoldingRange{StartLine: r.Start.Line, EndLine: r.End.Line}
		if f.Comment {
			fr.Kind = protocol.FoldingRangeKindComment
		}
		out = append(out, fr)
	}
	return out, nil
}
