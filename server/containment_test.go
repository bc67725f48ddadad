package server

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// pipeSession serves s on one end of a pipe and returns the client's
// connection to the other end.
func pipeSession(t *testing.T, s *Server) jsonrpc2.Conn {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	done := make(chan int, 1)
	go func() { done <- s.Serve(context.Background(), serverEnd) }()
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(clientEnd), jsonrpc2.WithCodec(Codec))
	conn.Go(context.Background(), protocol.ClientHandler(quietClient{}, jsonrpc2.MethodNotFoundHandler))
	t.Cleanup(func() {
		conn.Close()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop after the client left")
		}
	})
	ctx := context.Background()
	if _, err := conn.Call(ctx, protocol.MethodInitialize, &protocol.InitializeParams{}, nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, protocol.MethodInitialized, &protocol.InitializedParams{})
	return conn
}

// TestPanicInHandlerIsContained forces a panic inside a feature handler (after
// it released the read loop) and inside a notification: the request is
// answered InternalError, and the session goes on answering correctly.
func TestPanicInHandlerIsContained(t *testing.T) {
	ctx := context.Background()
	text := "asyncapi: 3.0.0\ncomponents:\n  schemas:\n    a: {type: string}\n    b:\n      $ref: '#/components/schemas/a'\n"
	at := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///p.yaml"}, Position: protocol.Position{Line: 5, Character: 14}}
	for _, method := range []string{protocol.MethodTextDocumentHover, protocol.MethodTextDocumentDidSave} {
		t.Run(method, func(t *testing.T) {
			conn := pipeSession(t, New(Options{panicOnMethod: method}))
			conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: "file:///p.yaml", Version: 1, Text: text}})
			for range 3 {
				if method == protocol.MethodTextDocumentHover {
					_, err := conn.Call(ctx, method, &protocol.HoverParams{TextDocumentPositionParams: at}, nil)
					var rpcErr *jsonrpc2.Error
					if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.InternalError {
						t.Fatalf("a panicking request answered %v, want InternalError", err)
					}
				} else {
					conn.Notify(ctx, method, &protocol.DidSaveTextDocumentParams{TextDocument: at.TextDocument})
				}
				var loc protocol.Location
				if _, err := conn.Call(ctx, protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: at}, &loc); err != nil {
					t.Fatalf("definition after the panic: %v", err)
				}
				if loc.Range.Start.Line != 3 || loc.Range.Start.Character != 4 {
					t.Fatalf("definition after the panic lands at %v", loc.Range)
				}
			}
		})
	}
}
