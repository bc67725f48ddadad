package server_test

import (
	"bytes"
	"testing"
	"time"

	"asyncapi-ls/bench/gen"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Big documents get their diagnostics in two steps; the first step after an
// edit already holds the previous rule findings, moved with the edit.
func TestTwoPhaseDiagnosticsCarryRuleFindings(t *testing.T) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 100})
	// Three channel addresses with a trailing slash: rule findings to carry.
	text = bytes.Replace(text, []byte("/events'\n"), []byte("/events/'\n"), 3)
	if len(text) < 256<<10 {
		t.Fatalf("generated document is only %d bytes; the two-phase path needs a bigger one", len(text))
	}
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI("file:///big.yaml")
	s.open(u, 1, string(text))
	pubs1 := waitPublishes(t, s, u, 1, 2)
	if n := len(withCode(pubs1[0], "asyncapi-channel-no-trailing-slash")); n != 0 {
		t.Fatalf("the first publication of a fresh big document should hold no rule findings, got %d", n)
	}
	complete1 := pubs1[1]
	rules1 := withCode(complete1, "asyncapi-channel-no-trailing-slash")
	if len(rules1) != 3 {
		t.Fatalf("want 3 trailing-slash findings in the complete publication, got %d", len(rules1))
	}
	// Insert one character at the start of the info description.
	at := bytes.Index(text, []byte("description: "))
	line := bytes.Count(text[:at], []byte("\n"))
	col := at - (bytes.LastIndexByte(text[:at], '\n') + 1) + len("description: ")
	pos := protocol.Position{Line: uint32(line), Character: uint32(col)}
	s.change(u, 2, &protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: pos, End: pos}, Text: "X"})
	first2 := waitPublishes(t, s, u, 2, 1)[0]
	carried := withCode(first2, "asyncapi-channel-no-trailing-slash")
	if len(carried) != len(rules1) {
		t.Fatalf("first publish after the edit carries %d rule findings, want %d", len(carried), len(rules1))
	}
	for i := range carried {
		if carried[i].Range != rules1[i].Range { // all lie below the edited line: lines do not move
			t.Fatalf("carried finding %d moved from %+v to %+v", i, rules1[i].Range, carried[i].Range)
		}
	}
}

// waitPublishes waits until n publications exist for version and returns them.
func waitPublishes(t *testing.T, s *session, u uri.URI, version int32, n int) [][]protocol.Diagnostic {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var got [][]protocol.Diagnostic
		s.client.mu.Lock()
		for _, p := range s.client.published[u] {
			if v, ok := p.Version.Get(); ok && v == version {
				got = append(got, p.Diagnostics)
			}
		}
		s.client.mu.Unlock()
		if len(got) >= n {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("fewer than %d publications for version %d", n, version)
	return nil
}

func withCode(ds []protocol.Diagnostic, code string) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range ds {
		if codeOf(d) == code {
			out = append(out, d)
		}
	}
	return out
}
