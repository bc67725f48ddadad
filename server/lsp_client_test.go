package server_test

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"asyncapi-ls/server"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// testClient is the editor side of an in-process session over a pipe.
type testClient struct {
	protocol.UnimplementedClient

	mu        sync.Mutex
	published map[uri.URI][]*protocol.PublishDiagnosticsParams
	changed   chan struct{}
}

func (c *testClient) PublishDiagnostics(ctx context.Context, p *protocol.PublishDiagnosticsParams) error {
	c.mu.Lock()
	c.published[p.URI] = append(c.published[p.URI], p)
	c.mu.Unlock()
	select {
	case c.changed <- struct{}{}:
	default:
	}
	return nil
}

type session struct {
	t      *testing.T
	client *testClient
	conn   jsonrpc2.Conn
	server protocol.Server
	done   chan int
}

// newSession starts a server on one end of a pipe and a client on the other.
func newSession(t *testing.T) *session { return newSessionWith(t, nil) }

// newSessionWith is newSession with a client that answers more than
// testClient does (wrap, given the testClient, returns it).
func newSessionWith(t *testing.T, wrap func(*testClient) protocol.Client) *session {
	t.Helper()
	return newSessionOptions(t, wrap, 5*time.Millisecond)
}

// newSessionDebounce is newSession with the given pause before diagnostics.
func newSessionDebounce(t *testing.T, debounce time.Duration) *session {
	t.Helper()
	return newSessionOptions(t, nil, debounce)
}

func newSessionOptions(t *testing.T, wrap func(*testClient) protocol.Client, debounce time.Duration) *session {
	t.Helper()
	serverEnd, clientEnd := net.Pipe()
	done := make(chan int, 1)
	srv := server.New(server.Options{Version: "test", Debounce: debounce})
	go func() { done <- srv.Serve(context.Background(), serverEnd) }()

	client := &testClient{published: map[uri.URI][]*protocol.PublishDiagnosticsParams{}, changed: make(chan struct{}, 1)}
	var handler protocol.Client = client
	if wrap != nil {
		handler = wrap(client)
	}
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(clientEnd), jsonrpc2.WithCodec(server.Codec))
	conn.Go(context.Background(), protocol.ClientHandler(handler, jsonrpc2.MethodNotFoundHandler))
	s := &session{t: t, client: client, conn: conn, server: protocol.ServerDispatcher(conn), done: done}
	t.Cleanup(func() {
		conn.Close()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop after the client closed the connection")
		}
	})
	return s
}

func (s *session) initialize(caps protocol.ClientCapabilities) *protocol.InitializeResult {
	s.t.Helper()
	return s.initializeFolder("", caps)
}

// initializeFolder initializes with folder as the one workspace folder
// ("" for none).
func (s *session) initializeFolder(folder uri.URI, caps protocol.ClientCapabilities) *protocol.InitializeResult {
	s.t.Helper()
	params := &protocol.InitializeParams{Capabilities: caps, InitializationOptions: styleRulesOff}
	if folder != "" {
		params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: folder, Name: "test"}})
	}
	res, err := s.server.Initialize(context.Background(), params)
	if err != nil {
		s.t.Fatalf("initialize: %v", err)
	}
	if err := s.server.Initialized(context.Background(), &protocol.InitializedParams{}); err != nil {
		s.t.Fatalf("initialized: %v", err)
	}
	return res
}

// snippetCapabilities is a client that accepts snippets in completion.
func snippetCapabilities() protocol.ClientCapabilities {
	snippets := true
	return protocol.ClientCapabilities{TextDocument: &protocol.TextDocumentClientCapabilities{
		Completion: &protocol.CompletionClientCapabilities{CompletionItem: &protocol.ClientCompletionItemOptions{SnippetSupport: &snippets}}}}
}

func (s *session) open(u uri.URI, version int32, text string) {
	s.t.Helper()
	err := s.server.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "yaml", Version: version, Text: text}})
	if err != nil {
		s.t.Fatalf("didOpen: %v", err)
	}
}

func (s *session) change(u uri.URI, version int32, changes ...protocol.TextDocumentContentChangeEvent) {
	s.t.Helper()
	err := s.server.DidChange(context.Background(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: changes})
	if err != nil {
		s.t.Fatalf("didChange: %v", err)
	}
}

// diagnostics waits for the diagnostics published for version of u.
func (s *session) diagnostics(u uri.URI, version int32) []protocol.Diagnostic {
	s.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		s.client.mu.Lock()
		for _, p := range s.client.published[u] {
			if v, ok := p.Version.Get(); ok && v == version {
				s.client.mu.Unlock()
				return p.Diagnostics
			}
		}
		s.client.mu.Unlock()
		select {
		case <-s.client.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			s.t.Fatalf("no diagnostics for %s version %d", u, version)
		}
	}
}

// call sends a raw request, for methods and shapes the typed API cannot make.
func (s *session) call(method string, params any) (jsonrpc2.RawMessage, error) {
	var out jsonrpc2.RawMessage
	_, err := s.conn.Call(context.Background(), method, params, &out)
	return out, err
}
