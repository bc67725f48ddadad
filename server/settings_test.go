package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// undeclaredParam has an error the official parser reports too: a
// parameter missing from the channel's parameters.
const undeclaredParam = "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    address: users/{id}\n    parameters: {}\n"

// beyondParser breaks a rule the official parser does not check: the
// channel has no parameters at all.
const beyondParser = "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    address: users/{id}\n"

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

// TestStrictSetting: what the specification requires but the official
// parser does not check is a warning saying so; asyncapi.strict, or strict:
// true in the project file, makes it an error.
func TestStrictSetting(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI("file:///nowhere/doc.yaml")
	s.open(u, 1, beyondParser)
	ds := s.diagnostics(u, 1)
	if got := levelOf(ds, "asyncapi-channel-parameters"); got != protocol.DiagnosticSeverityWarning {
		t.Fatalf("default level %v, want warning", got)
	}
	for _, d := range ds {
		if codeOf(d) == "asyncapi-channel-parameters" && !strings.HasSuffix(messageOf(d), "The specification requires this; the official parser does not check it.") {
			t.Errorf("the warning does not say why: %q", messageOf(d))
		}
	}
	n := s.publishedCount(u)
	s.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{Settings: []byte(`{"asyncapi": {"strict": true}}`)})
	if got := levelOf(s.latest(u, n), "asyncapi-channel-parameters"); got != protocol.DiagnosticSeverityError {
		t.Fatalf("strict: level %v, want error", got)
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".asyncapi-ls.yaml"), []byte("strict: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newSession(t)
	p.initialize(protocol.ClientCapabilities{})
	pu := uri.URI("file://" + filepath.Join(dir, "doc.yaml"))
	p.open(pu, 1, beyondParser)
	if got := levelOf(p.diagnostics(pu, 1), "asyncapi-channel-parameters"); got != protocol.DiagnosticSeverityError {
		t.Fatalf("strict project file: level %v, want error", got)
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
