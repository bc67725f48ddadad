package server

import (
	"context"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// cancellation tracks in-flight calls for "$/cancelRequest". We do not use
// jsonrpc2.CancelHandler: it derives a stdlib context from jsonrpc2's pooled
// request context, and the watcher goroutine that derivation starts may call
// Done on the request after it was recycled, which panics. Our request
// context takes cancellation from a detached stdlib context and values (so
// jsonrpc2.Async keeps working) from the request.
type cancellation struct {
	mu       sync.Mutex
	inFlight map[jsonrpc2.ID][]context.CancelFunc
}

type requestContext struct {
	context.Context                 // cancellation and deadline
	request         context.Context // values
}

func (c requestContext) Value(key any) any { return c.request.Value(key) }

func (c *cancellation) wrap(next jsonrpc2.Handler) jsonrpc2.Handler {
	c.inFlight = map[jsonrpc2.ID][]context.CancelFunc{}
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.Method() == protocol.MethodCancelRequest {
			var params protocol.CancelParams
			if err := protocol.Unmarshal(req.Params(), &params); err != nil {
				return nil, err
			}
			switch id := params.ID.(type) {
			case protocol.Integer:
				c.cancel(jsonrpc2.NewNumberID(int64(id)))
			case protocol.String:
				c.cancel(jsonrpc2.NewStringID(string(id)))
			}
			return nil, nil
		}
		if !req.IsCall() {
			return next(ctx, req)
		}
		id := req.ID()
		inner, cancel := context.WithCancel(jsonrpc2.DetachContext(ctx))
		c.mu.Lock()
		c.inFlight[id] = append(c.inFlight[id], cancel)
		c.mu.Unlock()
		defer func() {
			cancel()
			c.mu.Lock()
			if rest := c.inFlight[id][1:]; len(rest) > 0 {
				c.inFlight[id] = rest
			} else {
				delete(c.inFlight, id)
			}
			c.mu.Unlock()
		}()
		return next(requestContext{Context: inner, request: ctx}, req)
	}
}

func (c *cancellation) cancel(id jsonrpc2.ID) {
	c.mu.Lock()
	fns := c.inFlight[id]
	c.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}
