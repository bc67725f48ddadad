package server_test

import (
	"context"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// While the text does not parse, completion names targets from the last
// version that did, even when the broken text has lost them (the user cut a
// line that a later paste restores).
func TestCompletionUsesLastParsedVersion(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI("file:///lastgood.yaml")
	good := "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\nchannels:\n  orders:\n    address: orders\noperations:\n  op:\n    action: send\n    channel:\n      $ref: '#/channels/orders'\n"
	s.open(u, 1, good)
	s.diagnostics(u, 1) // the server has parsed version 1
	broken := strings.Replace(good, "  orders:\n    address: orders\n", "  orders:\n    address: \"orders\n", 1) +
		"  op2:\n    action: send\n    channel:\n      $ref: '"
	s.change(u, 2, &protocol.TextDocumentContentChangeWholeDocument{Text: broken})
	labels := s.completeAtEnd(u, broken)
	if len(labels) != 1 || labels[0] != "#/channels/orders" {
		t.Fatalf("want the channel of the last parsed version, got %q", labels)
	}
}

// completeAtEnd asks for completion at the end of text, the current text of
// u, and returns the labels.
func (s *session) completeAtEnd(u uri.URI, text string) []string {
	s.t.Helper()
	lines := strings.Split(text, "\n")
	res, err := s.server.Completion(context.Background(), &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Position:     protocol.Position{Line: uint32(len(lines) - 1), Character: uint32(len(lines[len(lines)-1]))}}})
	if err != nil {
		s.t.Fatal(err)
	}
	var labels []string
	for _, it := range completionItems(res) {
		labels = append(labels, it.Label)
	}
	return labels
}
