package server

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// recoverPanics turns a panic into an InternalError reply (requests) or a log
// line (notifications), and swallows notification errors: jsonrpc2 closes the
// connection on either.
func recoverPanics(log *zap.Logger, next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		isCall := req.IsCall()
		method := strings.Clone(req.Method())
		defer func() {
			if r := recover(); r != nil {
				log.Error("handler panic", zap.String("method", method), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
				result = nil
				err = nil
				if isCall {
					err = jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", method, r)
				}
			}
			if !isCall && err != nil {
				log.Warn("notification failed", zap.String("method", method), zap.Error(err))
				err = nil
			}
		}()
		return next(ctx, req)
	}
}

// lifecycle enforces the LSP session states: nothing but initialize (and
// exit) before initialize, nothing but exit after shutdown.
func (s *Server) lifecycle(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		method := req.Method()
		if method == protocol.MethodExit {
			return next(ctx, req)
		}
		switch s.state.Load() {
		case stateNew:
			if method == protocol.MethodInitialize {
				return next(ctx, req)
			}
			if req.IsCall() {
				return nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized yet")
			}
			return nil, nil
		case stateShutdown:
			if req.IsCall() {
				return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down; only exit is accepted")
			}
			return nil, nil
		}
		if method == protocol.MethodInitialize {
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already received")
		}
		return next(ctx, req)
	}
}

// errCancelled is the answer to a request the client cancelled.
var errCancelled = protocol.ErrRequestCancelled

func cancelled(ctx context.Context) error {
	if ctx.Err() != nil {
		return errCancelled
	}
	return nil
}

func internalf(format string, args ...any) error {
	return jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf(format, args...))
}

// paramlessUnknown answers MethodNotFound for an unknown request sent without
// params: protocol.ServerHandler would try to decode the missing params first
// and answer a parse error instead.
func paramlessUnknown(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.IsCall() && len(req.Params()) == 0 && !implementedMethods[req.Method()] {
			return nil, jsonrpc2.ErrMethodNotFound
		}
		return next(ctx, req)
	}
}
