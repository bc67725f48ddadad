package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// DocumentLink makes the file part of every "$ref" to another document
// clickable.
func (s *Server) DocumentLink(ctx context.Context, params *protocol.DocumentLinkParams) ([]protocol.DocumentLink, error) {
	doc := s.docs.get(params.TextDocument.URI)
	jsonrpc2.Async(ctx)
	if doc == nil {
		return nil, nil
	}
	links := navigate.DocumentLinks(doc)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	out := make([]protocol.DocumentLink, 0, len(links))
	for _, l := range links {
		target, tip := uri.URI(l.Target), l.Tooltip
		out = append(out, protocol.DocumentLink{Range: s.rangeOf(doc.Mapper, l.Start, l.End), Target: &target, Tooltip: &tip})
	}
	return out, nil
}
