package server_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func wireCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

func TestRequestBeforeInitialize(t *testing.T) {
	s := newSession(t)
	_, err := s.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": "file:///a.yaml"}, "position": map[string]any{"line": 0, "character": 0}})
	if wireCode(err) != jsonrpc2.ServerNotInitialized {
		t.Fatalf("want ServerNotInitialized, got %v", err)
	}
	// The session still works afterwards.
	s.initialize(protocol.ClientCapabilities{})
}

func TestUnknownMethodAndNotification(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	if _, err := s.call("asyncapi/doesNotExist", map[string]any{}); wireCode(err) != jsonrpc2.MethodNotFound {
		t.Fatalf("want MethodNotFound, got %v", err)
	}
	// An unknown notification must not close the connection.
	if err := s.conn.Notify(context.Background(), "$/unknownNotification", map[string]any{"x": 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.call("asyncapi/doesNotExist", nil); wireCode(err) != jsonrpc2.MethodNotFound {
		t.Fatalf("connection broken after an unknown notification: %v", err)
	}
}

func TestSecondInitializeIsRejected(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	_, err := s.server.Initialize(context.Background(), &protocol.InitializeParams{})
	if wireCode(err) != jsonrpc2.InvalidRequest {
		t.Fatalf("want InvalidRequest, got %v", err)
	}
}

func TestShutdownThenExit(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	if err := s.server.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.call("textDocument/hover", map[string]any{}); wireCode(err) != jsonrpc2.InvalidRequest {
		t.Fatalf("after shutdown want InvalidRequest, got %v", err)
	}
	s.server.Exit(context.Background())
	select {
	case code := <-s.done:
		if code != 0 {
			t.Fatalf("exit code after shutdown = %d, want 0", code)
		}
		s.done <- code
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	s.server.Exit(context.Background())
	select {
	case code := <-s.done:
		if code != 1 {
			t.Fatalf("exit code without shutdown = %d, want 1", code)
		}
		s.done <- code
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestPositionEncodingNegotiation(t *testing.T) {
	for _, tc := range []struct {
		offered []protocol.PositionEncodingKind
		want    protocol.PositionEncodingKind
	}{
		{nil, protocol.PositionEncodingKindUTF16},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF16},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF32, protocol.PositionEncodingKindUTF16}, protocol.PositionEncodingKindUTF32},
		{[]protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16, protocol.PositionEncodingKindUTF8}, protocol.PositionEncodingKindUTF8},
	} {
		s := newSession(t)
		res := s.initialize(protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{PositionEncodings: tc.offered}})
		if res.Capabilities.PositionEncoding != tc.want {
			t.Errorf("offered %v: got %q want %q", tc.offered, res.Capabilities.PositionEncoding, tc.want)
		}
	}
}

// Diagnostics positions follow the negotiated encoding.
func TestDiagnosticColumnsFollowEncoding(t *testing.T) {
	text := "asyncapi: 3.0.0\ninfo:\n  title: \"😀\"\n  version: 1.0.0\n  descripton: x\n"
	for _, tc := range []struct {
		enc  protocol.PositionEncodingKind
		line uint32
		col  uint32
	}{
		{protocol.PositionEncodingKindUTF16, 4, 2},
		{protocol.PositionEncodingKindUTF8, 4, 2},
	} {
		s := newSession(t)
		s.initialize(protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{tc.enc}}})
		s.open("file:///enc.yaml", 1, text)
		got := s.diagnostics("file:///enc.yaml", 1)
		if len(got) != 1 || got[0].Range.Start.Line != tc.line || got[0].Range.Start.Character != tc.col {
			t.Errorf("%s: %+v", tc.enc, got)
		}
	}
	// An emoji before the problem on the same line: it counts 2 UTF-16 units, 4 UTF-8 bytes, 1 UTF-32 unit.
	text = "asyncapi: 3.0.0\ninfo: {title: \"😀\", version: 1.0.0, descripton: x}\n"
	for enc, col := range map[protocol.PositionEncodingKind]uint32{
		protocol.PositionEncodingKindUTF16: 36, protocol.PositionEncodingKindUTF8: 38, protocol.PositionEncodingKindUTF32: 35} {
		s := newSession(t)
		s.initialize(protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{enc}}})
		s.open("file:///enc.yaml", 1, text)
		got := s.diagnostics("file:///enc.yaml", 1)
		if len(got) != 1 || got[0].Range.Start.Character != col {
			t.Errorf("%s: want column %d, got %+v", enc, col, got)
		}
	}
}

// Edits go through in order and only the final version's diagnostics count.
func TestIncrementalEditsAndStaleVersions(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI("file:///edit.yaml")
	s.open(u, 1, "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\n")
	if got := s.diagnostics(u, 1); len(got) != 0 {
		t.Fatalf("v1: %+v", got)
	}
	// Type "x" after "title" → "titlex", an unknown key.
	s.change(u, 2, &protocol.TextDocumentContentChangePartial{Range: protocol.Range{
		Start: protocol.Position{Line: 2, Character: 7}, End: protocol.Position{Line: 2, Character: 7}}, Text: "x"})
	// An old version is ignored.
	s.change(u, 1, &protocol.TextDocumentContentChangeWholeDocument{Text: "garbage: ["})
	got := s.diagnostics(u, 2)
	if len(got) != 2 { // unknown key titlex + missing title
		t.Fatalf("v2: %+v", got)
	}
	s.change(u, 3, &protocol.TextDocumentContentChangeWholeDocument{Text: "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\n"})
	if got := s.diagnostics(u, 3); len(got) != 0 {
		t.Fatalf("v3: %+v", got)
	}
}
