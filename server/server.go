package server

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

const (
	stateNew int32 = iota
	stateRunning
	stateShutdown
)

// Options tune a server; the zero value is usable.
type Options struct {
	Logger  *zap.Logger
	Version string
	// Debounce is the longest pause after an edit before diagnostics are
	// computed: the pause adapts to the analysis time, and is none after a
	// pause in typing (see diagnostics.delayLocked).
	Debounce time.Duration
	// RulesGCPercent, when above 0, is the collector's target (GOGC) while
	// the rules of a big document run (see rulesHeap); 0 leaves it alone.
	RulesGCPercent int

	// panicOnMethod makes the handler of that method panic; the server's
	// internal tests use it to prove that a panic is contained.
	panicOnMethod string
}

// Server is one LSP session.
type Server struct {
	protocol.UnimplementedServer
	panicOnMethod string // see Options

	log      *zap.Logger
	version  string
	client   protocol.Client
	state    atomic.Int32
	exited   chan struct{}
	exitOnce sync.Once

	encoding source.Encoding
	snippets bool // the client accepts snippet completions
	docs     *documents
	diags    *diagnostics
	out      *outbox      // every notification to the client
	bg       *background  // goroutines besides the diagnostics runs
	nav      *navState    // references, navigation and the workspace index
	rules    ruleSettings // rule levels from the editor and project files
	rulesets rulesets     // the Spectral rulesets documents use
	previews previews     // the local page server of asyncapi.preview (preview.go)
	gate     requestGate  // requests go ahead of the diagnostics runs
}

// New returns a server ready to Serve one connection.
func New(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Debounce == 0 {
		opts.Debounce = 50 * time.Millisecond
	}
	s := &Server{log: opts.Logger, version: opts.Version, exited: make(chan struct{}), docs: newDocuments(), panicOnMethod: opts.panicOnMethod,
		out: newOutbox(opts.Logger), bg: newBackground()}
	s.diags = newDiagnostics(s, opts.Debounce, opts.RulesGCPercent)
	s.nav = newNavState()
	s.docs.ws = s.nav.ws
	return s
}

// Serve speaks LSP over rwc until exit or end of input, and returns the
// process exit code: 0 after shutdown then exit, 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	// stream.go reads the framing with limits jsonrpc2's own reader lacks.
	conn := jsonrpc2.NewConn(newStream(rwc, s.log), jsonrpc2.WithCodec(codec{}))
	// The client dispatcher and the writer of notifications exist before
	// the first message is read.
	s.client = protocol.ClientDispatcher(conn)
	s.out.start()
	var cancels cancellation
	handler := recoverPanics(s.log, s.lifecycle(s.gate.wrap(cancels.wrap(paramlessUnknown(s.testPanic(s.bigOpens(protocol.ServerHandler(s, nil))))))))
	conn.Go(ctx, handler)
	select {
	case <-conn.Done():
	case <-s.exited:
	case <-ctx.Done():
	}
	s.bg.stop()
	s.diags.stop()
	s.previews.close()
	// Close waits for the read loop, and a blocking read on a terminal or
	// pipe stdin may never return: after exit, do not wait long for it.
	closed := make(chan struct{})
	go func() { conn.Close(); close(closed) }()
	select {
	case <-closed:
		if err := conn.Err(); err != nil {
			s.log.Error("connection ended", zap.Error(err))
		}
	case <-time.After(time.Second):
	}
	// The connection is closed: calls to the client have returned.
	s.bg.wait()
	s.out.close(time.Second)
	if s.state.Load() == stateShutdown {
		return 0
	}
	return 1
}

// Shutdown stops diagnostics work; only exit is accepted afterwards.
func (s *Server) Shutdown(ctx context.Context) error {
	s.state.Store(stateShutdown)
	s.bg.stop()
	s.diags.stop()
	s.previews.close()
	return nil
}

// Exit ends Serve.
func (s *Server) Exit(ctx context.Context) error {
	s.exitOnce.Do(func() { close(s.exited) })
	return nil
}

// Request answers every method we do not implement.
func (s *Server) Request(ctx context.Context, method string, params any) (any, error) {
	return nil, jsonrpc2.ErrMethodNotFound
}

// SetTrace is accepted and ignored: logs go to the log file, not the client.
func (s *Server) SetTrace(ctx context.Context, params *protocol.SetTraceParams) error { return nil }
