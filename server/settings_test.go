package server_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const undeclaredParam = "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    address: users/{id}\n"

// latest waits until more than n diagnostics sets were published for u and
// returns the newest.
func (s *session) latest(u uri.URI, n int) []protocol.Diagnostic {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		s.client.mu.Lock()
		all := s.client.published[u]
		s.client.mu.Unlock()
		if len(all) > n {
			return all[len(all)-1].Diagnostics
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.t.Fatalf("no new diagnostics for %s", u)
	return nil
}

func (s *session) publishedCount(u uri.URI) int {
	s.client.mu.Lock()
	defer s.client.mu.Unlock()
	return len(s.client.published[u])
}

func levelOf(ds []protocol.Diagnostic, code string) protocol.DiagnosticSeverity {
	for _, d := range ds {
		if codeOf(d) == code {
			return d.Severity
		}
	}
	return 0
}

// TestSettingsChangeReanalyses: didChangeConfiguration with new rule levels
// publishes the open documents again with those levels.
func TestSettingsChangeReanalyses(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI("file:///nowhere/doc.yaml")
	s.open(u, 1, undeclaredParam)
	if got := levelOf(s.diagnostics(u, 1), "asyncapi-channel-parameters"); got != protocol.DiagnosticSeverityError {
		t.Fatalf("default level %v", got)
	}
	n := s.publishedCount(u)
	settings := []byte(`{"asyncapi": {"rules": {"asyncapi3-channel-parameters": "hint"}}}`)
	s.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{Settings: settings})
	if got := levelOf(s.latest(u, n), "asyncapi-channel-parameters"); got != protocol.DiagnosticSeverityHint {
		t.Fatalf("after the change: level %v, want hint", got)
	}
	n = s.publishedCount(u)
	settings = []byte(`{"asyncapi": {"rules": {"asyncapi-channel-parameters": "off"}}}`)
	s.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{Settings: settings})
	if got := levelOf(s.latest(u, n), "asyncapi-channel-parameters"); got != 0 {
		t.Fatalf("turned off, still reported at level %v", got)
	}
}

// TestProjectFile: the nearest .asyncapi-ls.yaml applies to documents below
// it, and the project file itself shows its mistakes as diagnostics.
func TestProjectFile(t *testing.T) {
	dir := t.TempDir()
	cfg := "rules:\n  asyncapi-channel-parameters: warning\n  asyncapi-nonsense: error\n"
	if err := os.WriteFile(filepath.Join(dir, ".asyncapi-ls.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "api"), 0o755)
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI("file://" + filepath.Join(dir, "api", "doc.yaml"))
	s.open(u, 1, undeclaredParam)
	if got := levelOf(s.diagnostics(u, 1), "asyncapi-channel-parameters"); got != protocol.DiagnosticSeverityWarning {
		t.Errorf("project level not applied: %v", got)
	}
	cu := uri.URI("file://" + filepath.Join(dir, ".asyncapi-ls.yaml"))
	s.open(cu, 1, cfg)
	ds := s.diagnostics(cu, 1)
	if len(ds) != 1 || codeOf(ds[0]) != "config" || ds[0].Range.Start.Line != 2 {
		t.Errorf("project file diagnostics: %+v", ds)
	}
}
