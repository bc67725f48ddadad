package server_test

import (
	"os"
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// "$ref" completion offers the YAML and JSON files beside the document, then
// the targets inside the file named before "#", filtered by kind.
func TestCompletionAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "shared.yaml"), []byte("components:\n  messages:\n    Ping:\n      summary: A ping.\n      payload:\n        type: string\n  schemas:\n    Pong:\n      type: object\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not yaml\n"), 0o644)
	head := "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\nchannels:\n  c:\n    messages:\n      m:\n        $ref: '"
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "main.yaml"))
	complete := func(version int32, typed string) []string {
		t.Helper()
		text := head + typed
		if version == 1 {
			s.open(u, 1, text)
		} else {
			s.change(u, version, &protocol.TextDocumentContentChangeWholeDocument{Text: text})
		}
		return s.completeAtEnd(u, text)
	}
	files := complete(1, "")
	if !contains(files, "./shared.yaml") || contains(files, "./notes.txt") || contains(files, "./main.yaml") {
		t.Errorf("file proposals: %q", files)
	}
	inFile := complete(2, "./shared.yaml#/")
	if !contains(inFile, "./shared.yaml#/components/messages/Ping") || contains(inFile, "./shared.yaml#/components/schemas/Pong") {
		t.Errorf("pointer proposals inside shared.yaml (messages only): %q", inFile)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
