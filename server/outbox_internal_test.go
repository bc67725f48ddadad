package server

import (
	"context"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// stuckClient never returns from a notification until released, like a
// client that stopped reading.
type stuckClient struct {
	protocol.UnimplementedClient
	release chan struct{}
}

func (c *stuckClient) PublishDiagnostics(ctx context.Context, p *protocol.PublishDiagnosticsParams) error {
	select {
	case <-c.release:
	case <-ctx.Done():
	}
	return nil
}

func (c *stuckClient) ShowMessage(ctx context.Context, p *protocol.ShowMessageParams) error {
	return c.PublishDiagnostics(ctx, nil)
}

// TestTextSyncNeverWaitsOnTheClient calls the text-sync handlers as the
// read loop does while the client takes no notification: they return at
// once (didClose publishes empty diagnostics, a settings mistake is shown,
// edits publish), since everything for the client goes through the outbox.
func TestTextSyncNeverWaitsOnTheClient(t *testing.T) {
	s := New(Options{Debounce: time.Millisecond})
	client := &stuckClient{release: make(chan struct{})}
	s.client = client
	s.out.start()
	defer func() {
		close(client.release)
		s.diags.stop()
		s.out.close(time.Second)
	}()
	ctx := context.Background()
	u := uri.URI("file:///nowhere/api.yaml")
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := int32(1); v <= 3; v++ {
			s.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: u, Version: v,
				Text: "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\n"}})
			time.Sleep(20 * time.Millisecond) // the diagnostics run and wait on the client
			s.DidChangeConfiguration(ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`{"asyncapi": {"rules": 1}}`)})
			s.DidClose(ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a text-sync handler waited on the client")
	}
}

// TestOutboxOrderAndReplacement: notifications leave in the order posted;
// diagnostics of a document still waiting are replaced by newer ones in
// their place.
func TestOutboxOrderAndReplacement(t *testing.T) {
	o := newOutbox(New(Options{}).log)
	var mu sync.Mutex
	var sent []string
	all := make(chan struct{})
	post := func(name string, doc uri.URI) {
		o.post(name, doc, func(context.Context) error {
			mu.Lock()
			defer mu.Unlock()
			if sent = append(sent, name); len(sent) == 4 {
				close(all)
			}
			return nil
		})
	}
	post("a v1", "file:///a")
	post("b v1", "file:///b")
	post("message", "")
	post("a v2", "file:///a")
	post("progress", "")
	o.start()
	defer o.close(time.Second)
	select {
	case <-all:
	case <-time.After(5 * time.Second):
		t.Fatal("not written")
	}
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"a v2", "b v1", "message", "progress"}; len(sent) != len(want) || sent[0] != want[0] || sent[1] != want[1] || sent[2] != want[2] || sent[3] != want[3] {
		t.Errorf("sent %q, want %q", sent, want)
	}
}
