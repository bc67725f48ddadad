package server

import (
	"context"

	"asyncapi-ls/analysis"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// snapshotAt opens every position request the same way: take the document
// snapshot, then release the read loop (jsonrpc2.Async) so that slow
// requests overlap while text sync stays in order, then convert the
// position. ok is false when the document is not open or the position lies
// outside it.
func (s *Server) snapshotAt(ctx context.Context, u uri.URI, pos protocol.Position) (*analysis.Document, int, bool) {
	doc := s.docs.get(u)
	jsonrpc2.Async(ctx)
	if doc == nil {
		return nil, 0, false
	}
	offset, err := s.offset(doc.Mapper, pos)
	if err != nil {
		return nil, 0, false
	}
	return doc, offset, true
}
