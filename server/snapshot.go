package server

import (
	"context"

	"asyncapi-ls/analysis/workspace"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// snapshot takes one request's view: the open document u as it is now and
// the other files (the open buffers of this moment, the disk as first read).
// Every feature that reaches another file does so through it. It is nil
// when u is not open. Taken on the read loop, before jsonrpc2.Async, it
// sees every edit that came before the request.
func (s *Server) snapshot(u uri.URI) *workspace.Snapshot {
	doc := s.docs.get(u)
	if doc == nil {
		return nil
	}
	return s.nav.ws.Snapshot(doc)
}

// snapshotAt opens every position request the same way: take the snapshot,
// then release the read loop (jsonrpc2.Async) so that slow requests overlap
// while text sync stays in order, then convert the position. ok is false
// when the document is not open or the position lies outside it.
func (s *Server) snapshotAt(ctx context.Context, u uri.URI, pos protocol.Position) (*workspace.Snapshot, int, bool) {
	snap := s.snapshot(u)
	jsonrpc2.Async(ctx)
	if snap == nil {
		return nil, 0, false
	}
	offset, err := s.offset(snap.Document().Mapper, pos)
	if err != nil {
		return nil, 0, false
	}
	return snap, offset, true
}
