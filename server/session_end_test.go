package server_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/server"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// goroutineHeader is the first line of each goroutine of runtime.Stack.
var goroutineHeader = regexp.MustCompile(`(?m)^goroutine (\d+) \[`)

// goroutinesAfter returns the stacks of the goroutines whose id is above
// floor: those started since floor was taken (ids only grow).
func goroutinesAfter(floor int) []string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []string
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		m := goroutineHeader.FindSubmatch(g)
		if m == nil {
			continue
		}
		if id, _ := strconv.Atoi(string(m[1])); id > floor {
			out = append(out, string(g))
		}
	}
	return out
}

// newestGoroutine is the highest goroutine id alive now.
func newestGoroutine() int {
	newest := 0
	for _, g := range goroutinesAfter(0) {
		id, _ := strconv.Atoi(goroutineHeader.FindStringSubmatch(g)[1])
		newest = max(newest, id)
	}
	return newest
}

// TestNoGoroutineOutlivesTheSession drives a session through everything
// that starts work off the read loop (indexing with progress and a file
// watcher, settings asked of the client and a complaint shown, edits with
// dependents, requests, a file changed on disk, a close) and ends it: once
// Serve has returned, no goroutine started during the session is left.
func TestNoGoroutineOutlivesTheSession(t *testing.T) {
	dir := t.TempDir()
	common := "components:\n  messages:\n    M: {payload: {type: string}}\n"
	api := "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    address: c\n    messages:\n      m: {$ref: './common.yaml#/components/messages/M'}\n"
	for name, text := range map[string]string{"common.yaml": common, "api.yaml": api} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	floor := newestGoroutine()

	serverEnd, clientEnd := net.Pipe()
	done := make(chan int, 1)
	srv := server.New(server.Options{Version: "test", Debounce: 5 * time.Millisecond})
	go func() { done <- srv.Serve(context.Background(), serverEnd) }()
	client := &testClient{published: map[uri.URI][]*protocol.PublishDiagnosticsParams{}, changed: make(chan struct{}, 1)}
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(clientEnd), jsonrpc2.WithCodec(server.Codec))
	conn.Go(context.Background(), protocol.ClientHandler(client, jsonrpc2.MethodNotFoundHandler))
	s := &session{t: t, client: client, conn: conn, server: protocol.ServerDispatcher(conn), done: done}

	yes := true
	folder := protocol.WorkspaceFolder{URI: uri.URI(refs.FileURI(dir)), Name: "w"}
	ctx := context.Background()
	params := &protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{
		Workspace: &protocol.WorkspaceClientCapabilities{Configuration: &yes,
			DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}},
		Window: &protocol.WindowClientCapabilities{WorkDoneProgress: &yes},
	}}
	params.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{folder})
	if _, err := s.server.Initialize(ctx, params); err != nil {
		t.Fatal(err)
	}
	s.server.Initialized(ctx, &protocol.InitializedParams{})
	apiURI := uri.URI(refs.FileURI(filepath.Join(dir, "api.yaml")))
	commonURI := uri.URI(refs.FileURI(filepath.Join(dir, "common.yaml")))
	s.open(apiURI, 1, api)
	s.open(commonURI, 1, common)
	s.diagnostics(apiURI, 1)
	for v := int32(2); v < 6; v++ {
		s.change(commonURI, v, &protocol.TextDocumentContentChangeWholeDocument{Text: strings.Replace(common, "M:", "M"+strconv.Itoa(int(v))+":", 1)})
	}
	s.server.DidChangeConfiguration(ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`{"asyncapi": {"rules": 1}}`)})
	at := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: apiURI}, Position: protocol.Position{Line: 6, Character: 25}}
	s.server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: at})
	s.server.Definition(ctx, &protocol.DefinitionParams{TextDocumentPositionParams: at})
	s.server.References(ctx, &protocol.ReferenceParams{TextDocumentPositionParams: at, Context: protocol.ReferenceContext{IncludeDeclaration: true}})
	s.server.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: at})
	s.server.CodeAction(ctx, &protocol.CodeActionParams{TextDocument: at.TextDocument})
	s.server.DidChangeWatchedFiles(ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: uri.URI(refs.FileURI(filepath.Join(dir, "other.yaml"))), Type: protocol.FileChangeTypeCreated}}})
	s.server.DidClose(ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: commonURI}})
	s.server.Shutdown(ctx)
	s.server.Exit(ctx)
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("Serve did not return promptly after exit: work that ignores the end of the session")
	}
	conn.Close()
	<-conn.Done()

	var left []string
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if left = goroutinesAfter(floor); len(left) == 0 {
			return
		}
	}
	t.Errorf("%d goroutines started during the session outlive it:\n\n%s", len(left), strings.Join(left, "\n\n"))
}

// TestDependentsInTheDebounce: a burst of edits to a file that another
// open document references does not check the referencing document while
// it lasts (a dependent waits the whole debounce, however quick the edited
// document's own runs are), and the referencing document is then checked
// once against the last edit.
func TestDependentsInTheDebounce(t *testing.T) {
	const debounce = 300 * time.Millisecond
	s := newSessionDebounce(t, debounce)
	s.initialize(protocol.ClientCapabilities{})
	common := "components:\n  messages:\n    M: {payload: {type: string}}\n"
	api := "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    address: c\n    messages:\n      m: {$ref: './common.yaml#/components/messages/M'}\n"
	apiURI, commonURI := uri.URI("file:///ws/api.yaml"), uri.URI("file:///ws/common.yaml")
	s.open(commonURI, 1, common)
	s.open(apiURI, 1, api)
	if ds := s.diagnostics(apiURI, 1); hasCode(ds, "unresolved-ref") {
		t.Fatalf("the reference is resolved at first: %v", ds)
	}
	before := s.publishedCount(apiURI)
	start := time.Now()
	for v := int32(2); v <= 40; v++ {
		name := "M"
		if v == 40 {
			name = "Renamed"
		}
		s.change(commonURI, v, &protocol.TextDocumentContentChangeWholeDocument{Text: strings.Replace(common, "M:", name+":", 1) + strings.Repeat("#\n", int(v))})
	}
	time.Sleep(debounce / 4)
	if n := s.publishedCount(apiURI) - before; n != 0 && time.Since(start) < debounce/2 {
		t.Errorf("the dependent was checked %d times during the burst", n)
	}
	ds := s.latest(apiURI, before)
	if !hasCode(ds, "unresolved-ref") {
		t.Fatalf("the dependent was not checked against the last edit: %v", ds)
	}
	time.Sleep(3 * debounce)
	if n := s.publishedCount(apiURI) - before; n != 1 {
		t.Errorf("the dependent was published %d times after one burst, want 1", n)
	}
}

func hasCode(ds []protocol.Diagnostic, code string) bool {
	for _, d := range ds {
		if codeOf(d) == code {
			return true
		}
	}
	return false
}
