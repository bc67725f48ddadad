package server

import (
	"context"

	"go.lsp.dev/jsonrpc2"
)

// testPanic makes the handler of Options.panicOnMethod panic, after releasing
// the read loop as a feature handler does. Only the server's internal tests
// set that option; with it unset the chain is unchanged.
func (s *Server) testPanic(next jsonrpc2.Handler) jsonrpc2.Handler {
	if s.panicOnMethod == "" {
		return next
	}
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.Method() == s.panicOnMethod {
			if req.IsCall() {
				jsonrpc2.Async(ctx)
			}
			panic("forced panic in " + s.panicOnMethod)
		}
		return next(ctx, req)
	}
}
