package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/server"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// previewClient records window/showDocument.
type previewClient struct {
	*testClient
	shown chan *protocol.ShowDocumentParams
}

func (c *previewClient) ShowDocument(ctx context.Context, p *protocol.ShowDocumentParams) (*protocol.ShowDocumentResult, error) {
	c.shown <- p
	return &protocol.ShowDocumentResult{Success: true}, nil
}

const previewDoc = `asyncapi: 3.0.0
info:
  title: First Title
  version: 1.0.0
channels:
  hello:
    address: hello
    messages:
      greeting:
        payload:
          $ref: 'shared.yaml#/Greeting'
operations:
  sayHello:
    action: send
    channel:
      $ref: '#/channels/hello'
`

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func previewURL(t *testing.T, s *session, args ...any) string {
	t.Helper()
	raw, err := s.call("workspace/executeCommand", map[string]any{"command": server.PreviewCommand, "arguments": args})
	if err != nil {
		t.Fatalf("asyncapi.preview: %v", err)
	}
	var answer struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(raw, &answer); err != nil || answer.URL == "" {
		t.Fatalf("asyncapi.preview answered %s", raw)
	}
	return answer.URL
}

// TestPreviewFollowsTheBuffer: the command answers a local URL, asks the
// client to open it, and the page follows unsaved edits of the buffer and
// edits of a file it references.
func TestPreviewFollowsTheBuffer(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.yaml")
	if err := os.WriteFile(shared, []byte("Greeting:\n  type: object\n  properties:\n    firstField: {type: string}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := uri.URI(refs.FileURI(filepath.Join(dir, "api.yaml")))
	var pc *previewClient
	s := newSessionWith(t, func(tc *testClient) protocol.Client {
		pc = &previewClient{testClient: tc, shown: make(chan *protocol.ShowDocumentParams, 4)}
		return pc
	})
	res := s.initialize(protocol.ClientCapabilities{Window: &protocol.WindowClientCapabilities{
		ShowDocument: &protocol.ShowDocumentClientCapabilities{Support: true}}})
	if cmds := res.Capabilities.ExecuteCommandProvider.Commands; len(cmds) != 1 || cmds[0] != server.PreviewCommand {
		t.Fatalf("executeCommandProvider: %v", cmds)
	}
	s.open(doc, 1, previewDoc)

	url := previewURL(t, s, string(doc))
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("preview URL %s is not on 127.0.0.1", url)
	}
	select {
	case p := <-pc.shown:
		if string(p.URI) != url || p.External == nil || !*p.External {
			t.Errorf("showDocument %+v, want external %s", p, url)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no window/showDocument")
	}
	if again := previewURL(t, s, map[string]any{"uri": string(doc)}, map[string]any{"open": false}); again != url {
		t.Errorf("a second preview of the document has another URL: %s vs %s", again, url)
	}
	// Without an argument (Helix): the document edited last.
	if last := previewURL(t, s); last != url {
		t.Errorf("asyncapi.preview without argument: %s, want the open document's %s", last, url)
	}
	<-pc.shown
	select {
	case p := <-pc.shown:
		t.Errorf("showDocument %s although open was false", p.URI)
	case <-time.After(200 * time.Millisecond):
	}

	status, body := httpGet(t, url)
	if status != 200 || !strings.Contains(body, "First Title") || !strings.Contains(body, "firstField") {
		t.Fatalf("page %d does not show the document and its referenced schema:\n%.400s", status, body)
	}
	if status, _ := httpGet(t, strings.Replace(url, "/d/", "/x/", 1)); status != 404 {
		t.Errorf("unknown path: %d", status)
	}
	tokenless := url[:strings.Index(url[len("http://"):], "/")+len("http://")] + "/d/1/"
	if status, _ := httpGet(t, tokenless); status != http.StatusForbidden {
		t.Errorf("GET without the token: %d, want 403", status)
	}

	// The page asks "changed since STAMP?" (long polling) and then fetches
	// its content.
	stamp := regexp.MustCompile(`data-stamp="([^"]*)"`).FindStringSubmatch(body)[1]
	waitPage := func(what, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, answer := httpGet(t, url+"events?since="+neturl.QueryEscape(stamp))
			var a struct {
				Stamp   string `json:"stamp"`
				Changed bool   `json:"changed"`
			}
			if err := json.Unmarshal([]byte(answer), &a); err != nil {
				t.Fatalf("%s: events answered %q", what, answer)
			}
			stamp = a.Stamp
			if _, content := httpGet(t, url+"content"); a.Changed && strings.Contains(content, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the page does not show %q", what, want)
			}
		}
	}

	// An unsaved edit of the buffer.
	s.change(doc, 2, &protocol.TextDocumentContentChangeWholeDocument{
		Text: strings.Replace(previewDoc, "First Title", "Edited Title", 1)})
	waitPage("buffer edit", "Edited Title")

	// While the text does not parse, the last good page stays, with a note.
	s.change(doc, 3, &protocol.TextDocumentContentChangeWholeDocument{
		Text: "asyncapi: 3.0.0\ninfo: [unclosed\n"})
	waitPage("broken edit", "Showing the last version that parsed")

	// A change of the referenced file on disk (the editor reports it).
	s.change(doc, 4, &protocol.TextDocumentContentChangeWholeDocument{Text: previewDoc})
	waitPage("fixed", "First Title")
	time.Sleep(20 * time.Millisecond) // a different modification time
	if err := os.WriteFile(shared, []byte("Greeting:\n  type: object\n  properties:\n    secondField: {type: string}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.server.DidChangeWatchedFiles(context.Background(), &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: uri.URI(refs.FileURI(shared)), Type: protocol.FileChangeTypeChanged}}}); err != nil {
		t.Fatal(err)
	}
	waitPage("referenced file", "secondField")

	// Shutdown stops the page server.
	if err := s.server.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if resp, err := http.Get(url); err == nil {
		resp.Body.Close()
		t.Errorf("the page server still answers after shutdown (%d)", resp.StatusCode)
	}
}

// messageClient records window/showMessage.
type messageClient struct {
	*testClient
	messages chan string
}

func (c *messageClient) ShowMessage(ctx context.Context, p *protocol.ShowMessageParams) error {
	c.messages <- p.Message
	return nil
}

// TestPreviewWithoutShowDocument: a client that cannot open URLs (Helix's
// :lsp-workspace-command, without arguments) is shown the URL.
func TestPreviewWithoutShowDocument(t *testing.T) {
	var mc *messageClient
	s := newSessionWith(t, func(tc *testClient) protocol.Client {
		mc = &messageClient{testClient: tc, messages: make(chan string, 4)}
		return mc
	})
	s.initialize(protocol.ClientCapabilities{})
	doc := uri.URI(refs.FileURI(filepath.Join(t.TempDir(), "api.yaml")))
	s.open(doc, 1, previewDoc)
	url := previewURL(t, s)
	select {
	case m := <-mc.messages:
		if !strings.Contains(m, url) || !strings.Contains(m, "api.yaml") {
			t.Errorf("message %q does not give the URL %s", m, url)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no window/showMessage with the URL")
	}
}

func TestPreviewBadArguments(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	for _, args := range [][]any{nil, {42}, {"not a uri"}, {"file:///nowhere/missing.yaml"}} { // nil: no document is open
		if _, err := s.call("workspace/executeCommand", map[string]any{"command": server.PreviewCommand, "arguments": args}); err == nil {
			t.Errorf("asyncapi.preview %v: no error", args)
		}
	}
	if _, err := s.call("workspace/executeCommand", map[string]any{"command": "asyncapi.nope"}); err == nil {
		t.Error("an unknown command answered without error")
	}
}
