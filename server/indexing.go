package server

import (
	"context"
	"fmt"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// indexToken names the work-done progress of the folder scan.
const indexToken = protocol.String("asyncapi-ls/index")

// startIndexing runs after "initialized", off the read loop (it calls the
// client, and the read loop must stay free to deliver the answers): it
// registers the file watcher when the client allows dynamic registration,
// then indexes the workspace folders, reporting progress when the client
// supports it.
// indexDelay is the pause before the workspace is indexed: editors send
// their first didOpen within milliseconds of "initialized".
const indexDelay = 50 * time.Millisecond

func (s *Server) startIndexing() {
	n := s.nav
	n.mu.Lock()
	if n.indexing { // "initialized" came twice
		n.mu.Unlock()
		return
	}
	folders := append([]string(nil), n.folders...)
	progress, watch := n.progressSupport, n.watchDynamic
	n.indexing = true
	n.mu.Unlock()
	s.goBackground("indexing", func(ctx context.Context) {
		if watch {
			s.registerWatcher(ctx)
		}
		if len(folders) == 0 {
			return
		}
		// Editors open their first documents right after "initialized": let
		// those buffers arrive first, so the index does not parse them again.
		select {
		case <-ctx.Done():
			return
		case <-time.After(indexDelay):
		}
		start := time.Now()
		report := s.progressReporter(ctx, progress)
		found := n.ws.Index(ctx, folders, report.step)
		report.end(fmt.Sprintf("%d AsyncAPI documents", found))
		s.log.Info("workspace indexed", zap.Strings("folders", folders), zap.Int("documents", found),
			zap.Duration("took", time.Since(start)))
	})
}

func (s *Server) registerWatcher(ctx context.Context) {
	opts, err := protocol.Marshal(protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
		{GlobPattern: protocol.Pattern("**/*.{yaml,yml,json}")},
	}})
	if err != nil {
		return
	}
	err = s.client.RegisterCapability(ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID: "asyncapi-ls/watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles, RegisterOptions: opts}}})
	if err != nil {
		s.log.Warn("registering the file watcher failed", zap.Error(err))
	}
}

// progress sends work-done progress for the scan, at most every 100 ms.
type progress struct {
	s       *Server
	ctx     context.Context
	enabled bool
	last    time.Time
}

func (s *Server) progressReporter(ctx context.Context, enabled bool) *progress {
	p := &progress{s: s, ctx: ctx, enabled: enabled}
	if !enabled {
		return p
	}
	if err := s.client.WorkDoneProgressCreate(ctx, &protocol.WorkDoneProgressCreateParams{Token: indexToken}); err != nil {
		p.enabled = false
		return p
	}
	msg := "scanning the workspace folders"
	zero := uint32(0)
	p.send(protocol.WorkDoneProgressBegin{Kind: "begin", Title: "Indexing AsyncAPI documents", Message: &msg, Percentage: &zero})
	return p
}

func (p *progress) step(done, total int) {
	if !p.enabled || (time.Since(p.last) < 100*time.Millisecond && done < total) {
		return
	}
	p.last = time.Now()
	msg := fmt.Sprintf("%d/%d files", done, total)
	pct := uint32(done * 100 / max(total, 1))
	p.send(protocol.WorkDoneProgressReport{Kind: "report", Message: &msg, Percentage: &pct})
}

func (p *progress) end(msg string) {
	if p.enabled {
		p.send(protocol.WorkDoneProgressEnd{Kind: "end", Message: &msg})
	}
}

func (p *progress) send(value any) {
	raw, err := protocol.Marshal(value)
	if err != nil {
		return
	}
	params := &protocol.ProgressParams{Token: indexToken, Value: raw}
	p.s.out.post(protocol.MethodProgress, "", func(ctx context.Context) error { return p.s.client.Progress(ctx, params) })
}
