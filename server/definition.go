package server

import (
	"context"

	"asyncapi-ls/analysis"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Definition jumps from a local "$ref" to the key it names.
func (s *Server) Definition(ctx context.Context, params *protocol.DefinitionParams) (protocol.DefinitionResult, error) {
	doc := s.docs.get(params.TextDocument.URI)
	jsonrpc2.Async(ctx)
	if doc == nil {
		return nil, nil
	}
	offset, err := s.offset(doc.Mapper, params.Position)
	if err != nil {
		return nil, nil
	}
	root := doc.Root()
	refNode := analysis.RefAt(root, offset)
	if refNode == nil {
		return nil, cancelled(ctx)
	}
	ref, err := analysis.ParseRef(refNode.Value)
	if err != nil || ref.File != "" {
		return nil, cancelled(ctx)
	}
	target, ok := analysis.ResolveLocal(root, ref.Pointer)
	if !ok {
		return nil, cancelled(ctx)
	}
	span := target.Value
	if target.Key != nil {
		span = target.Key
	}
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	return &protocol.Location{URI: params.TextDocument.URI, Range: s.rangeOf(doc.Mapper, span.Start, span.End)}, nil
}
