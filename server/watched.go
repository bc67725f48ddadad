package server

import (
	"context"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// DidChangeWatchedFiles keeps the workspace index fresh: a file created,
// changed or deleted on disk is re-read or dropped, and the open documents
// that depend on it are checked again. It runs off the read loop.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	changes := append([]protocol.FileEvent(nil), params.Changes...)
	d := s.diags
	d.mu.Lock()
	if d.stopped {
		d.mu.Unlock()
		return nil
	}
	d.wg.Add(1)
	d.mu.Unlock()
	go func() {
		defer d.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("watched files panic", zap.Any("panic", r), zap.Stack("stack"))
			}
		}()
		for _, c := range changes {
			if s.usesRuleset(uri.URI(c.URI)) {
				s.reanalyseOpenBut(uri.URI(c.URI))
			}
			if s.nav.ws.Changed(string(c.URI), c.Type == protocol.FileChangeTypeDeleted) {
				s.recheckDependents(uri.URI(c.URI))
			}
		}
	}()
	return nil
}
