package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Hover previews a target in another file, and refuses to show files that
// are not YAML or JSON documents.
func TestHoverCrossFileAndRefusals(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "shared.yaml"), []byte("components:\n  messages:\n    Ping:\n      summary: A ping from the shared file.\n      payload:\n        type: string\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("password: hunter2\n"), 0o644)
	main := "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\nchannels:\n  c:\n    messages:\n" +
		"      a:\n        $ref: './shared.yaml#/components/messages/Ping'\n" +
		"      b:\n        $ref: './secret.txt#/password'\n" +
		"      c:\n        $ref: '/etc/passwd#/root'\n"
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "main.yaml"))
	s.open(u, 1, main)
	hoverAt := func(needle string) string {
		t.Helper()
		lines := strings.Split(main, "\n")
		for i, l := range lines {
			if j := strings.Index(l, needle); j >= 0 {
				h, err := s.server.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
					TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: uint32(i), Character: uint32(j + 2)}}})
				if err != nil {
					t.Fatal(err)
				}
				if h == nil {
					return ""
				}
				return h.Contents.(*protocol.MarkupContent).Value
			}
		}
		t.Fatalf("%q not found", needle)
		return ""
	}
	if got := hoverAt("./shared.yaml"); !strings.Contains(got, "A ping from the shared file.") || !strings.Contains(got, "`./shared.yaml` at line 3") {
		t.Errorf("cross-file preview:\n%s", got)
	}
	for _, needle := range []string{"./secret.txt", "/etc/passwd"} {
		if got := hoverAt(needle); strings.Contains(got, "hunter2") || strings.Contains(got, "root:") || !strings.Contains(got, "is not shown") && !strings.Contains(got, "cannot be read") {
			t.Errorf("%s: hover must refuse the file:\n%s", needle, got)
		}
	}
}
