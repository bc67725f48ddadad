package server

import (
	"context"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
)

// requestGate puts requests ahead of the diagnostics runs: while a request
// is answered, a run that asks whether it was cancelled (between rules and
// inside the long ones) waits, so that completion and hover get the
// processors instead of sharing them with a rule run that takes seconds on
// a big document.
type requestGate struct {
	active atomic.Int32
	// busySince is when the requests in flight began (the count went from
	// none to one), in Unix nanoseconds.
	busySince atomic.Int64
}

// maxYield bounds how long requests hold the runs back: a request that
// takes longer (one waiting for the client, say) lets them go on.
const maxYield = 100 * time.Millisecond

// wrap counts the requests (calls, not notifications) in flight.
func (g *requestGate) wrap(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if !req.IsCall() {
			return next(ctx, req)
		}
		defer g.begin()()
		return next(ctx, req)
	}
}

// begin counts a request in flight until the function it returns is called.
func (g *requestGate) begin() (end func()) {
	if g.active.Add(1) == 1 {
		g.busySince.Store(time.Now().UnixNano())
	}
	return func() { g.active.Add(-1) }
}

// yield waits while requests are in flight, until they have been for
// maxYield.
func (g *requestGate) yield() {
	for g.active.Load() > 0 && time.Since(time.Unix(0, g.busySince.Load())) < maxYield {
		time.Sleep(200 * time.Microsecond)
	}
}
