package server

import (
	"context"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// DidChangeWatchedFiles keeps the workspace index fresh: a file created,
// changed or deleted on disk is re-read or dropped, and the open documents
// that depend on it are checked again. It runs off the read loop.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	changes := append([]protocol.FileEvent(nil), params.Changes...)
	s.goBackground("watched files", func(context.Context) {
		for _, c := range changes {
			if s.usesRuleset(uri.URI(c.URI)) {
				s.reanalyseOpenBut(uri.URI(c.URI))
			}
			if s.nav.ws.Changed(string(c.URI), c.Type == protocol.FileChangeTypeDeleted) {
				s.diags.changed(uri.URI(c.URI))
			}
		}
	})
	return nil
}
