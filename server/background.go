package server

import (
	"context"
	"sync"

	"go.uber.org/zap"
)

// background tracks the goroutines a session starts besides the
// diagnostics runs: settings requests, the workspace index, watched-file
// changes. Each gets the session's context, cancelled when the session
// stops; Serve waits for all of them before it returns, so a session leaves
// no goroutine behind.
type background struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	ctx     context.Context
	cancel  context.CancelFunc
	stopped bool
}

func newBackground() *background {
	ctx, cancel := context.WithCancel(context.Background())
	return &background{ctx: ctx, cancel: cancel}
}

// goBackground runs fn in a tracked goroutine, off the read loop; a panic
// is logged, never fatal. After the session stopped nothing starts.
func (s *Server) goBackground(name string, fn func(ctx context.Context)) {
	b := s.bg
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.wg.Add(1)
	b.mu.Unlock()
	go func() {
		defer b.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error(name+" panic", zap.Any("panic", r), zap.Stack("stack"))
			}
		}()
		fn(b.ctx)
	}()
}

// stop cancels the background work and refuses new work; wait waits for
// what runs.
func (b *background) stop() {
	b.mu.Lock()
	b.stopped = true
	b.mu.Unlock()
	b.cancel()
}

func (b *background) wait() { b.wg.Wait() }
