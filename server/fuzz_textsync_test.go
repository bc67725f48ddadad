package server

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// refStore is the reference document store: the text as a Go string, and
// positions resolved the plain way (lines split at "\r\n", "\n" or "\r";
// columns counted rune by rune). Out-of-range positions follow the server's
// documented policy: a column past the line end means the line end, a line
// past the text means the end of the text.
type refStore struct {
	text    string
	version int32
}

func (r *refStore) lines() (starts, ends []int) {
	starts = []int{0}
	for i := 0; i < len(r.text); i++ {
		switch r.text[i] {
		case '\n':
			ends = append(ends, i)
			starts = append(starts, i+1)
		case '\r':
			ends = append(ends, i)
			if i+1 < len(r.text) && r.text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts, append(ends, len(r.text))
}

func (r *refStore) offset(p protocol.Position, enc source.Encoding) int {
	starts, ends := r.lines()
	line := int(p.Line)
	if line >= len(starts) {
		return len(r.text)
	}
	off, col := starts[line], 0
	for off < ends[line] {
		c, size := utf8.DecodeRuneInString(r.text[off:])
		w := 1
		switch {
		case enc == source.UTF8:
			w = size
		case enc == source.UTF16 && c >= 0x10000:
			w = 2
		}
		if col+w > int(p.Character) {
			break
		}
		col += w
		off += size
	}
	return off
}

func (r *refStore) apply(changes []protocol.TextDocumentContentChangeEvent, enc source.Encoding) {
	for _, ch := range changes {
		switch c := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			r.text = c.Text
		case *protocol.TextDocumentContentChangePartial:
			a, b := r.offset(c.Range.Start, enc), r.offset(c.Range.End, enc)
			if b < a {
				a, b = b, a
			}
			r.text = r.text[:a] + c.Text + r.text[b:]
		}
	}
}

var editPieces = []string{"", "a", "key: ", "😀", "漢字", "\r\n", "\n", "\r", "é", "\t", "  - x\n", "$ref: '#/a'", "🎉🎉", "\"", "{[", "]}"}

// FuzzIncrementalEdits sends random didChange sequences (partial edits,
// whole-document changes, several changes per notification, stale versions,
// ranges past the text, reopening) and requires the server's text to equal
// the reference store's after every notification, in every encoding.
func FuzzIncrementalEdits(f *testing.F) {
	f.Add([]byte("asyncapi: 3.0.0\r\ninfo:\n  title: 😀 漢字\n"), []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 200, 100, 3, 7, 1, 0}, uint8(0))
	f.Add([]byte("a\rb\r\nc\n"), []byte{1, 0, 9, 2, 1, 4, 3, 1, 1, 0, 0, 5, 6, 0, 0, 0, 0, 0}, uint8(1))
	for enc := range uint8(3) {
		f.Add([]byte("x: 😀😀😀\n"), []byte{0, 0, 5, 0, 7, 1, 2, 0, 4, 0, 5, 3, 2, 0, 1, 0, 7, 1}, enc)
	}
	f.Fuzz(func(t *testing.T, initial, ops []byte, enc uint8) {
		defer watchdog("FuzzIncrementalEdits", ops)()
		s := New(Options{})
		s.client = quietClient{}
		s.encoding = []source.Encoding{source.UTF16, source.UTF8, source.UTF32}[enc%3]
		defer s.diags.stop()
		ctx := context.Background()
		u := uri.URI("file:///fuzz/edits.yaml")
		ref := &refStore{text: strings.ToValidUTF8(string(initial), "\uFFFD"), version: 1}
		open := func() {
			s.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: u, Version: ref.version, Text: ref.text}})
		}
		open()
		var pending []protocol.TextDocumentContentChangeEvent
		for len(ops) >= 6 {
			op, a, b, c, d, piece := ops[0], ops[1], ops[2], ops[3], ops[4], ops[5]
			ops = ops[6:]
			starts, _ := ref.lines()
			pos := func(l, ch byte) protocol.Position {
				return protocol.Position{Line: uint32(int(l) % (len(starts) + 2)), Character: uint32(ch % 24)}
			}
			text := editPieces[int(piece)%len(editPieces)]
			switch op % 8 {
			case 6:
				runes := []rune(ref.text) // editors send whole characters
				pending = append(pending, &protocol.TextDocumentContentChangeWholeDocument{Text: text + string(runes[:len(runes)/2])})
			case 7: // reopen with the reference text (as after a close)
				s.DidClose(ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
				ref.version++
				open()
				pending = nil
				continue
			default:
				pending = append(pending, &protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: pos(a, b), End: pos(c, d)}, Text: text})
			}
			if op&8 != 0 && len(pending) < 4 {
				continue // more changes in the same notification
			}
			version := ref.version + 1
			stale := op&16 != 0
			if stale {
				version = ref.version // must be ignored
			}
			s.DidChange(ctx, &protocol.DidChangeTextDocumentParams{
				TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
				ContentChanges: pending})
			if !stale {
				ref.apply(pending, s.encoding)
				ref.version = version
			}
			pending = nil
			got := s.docs.get(u)
			if string(got.Text) != ref.text || got.Version != ref.version {
				t.Fatalf("%v: server has version %d %q, reference version %d %q", s.encoding, got.Version, got.Text, ref.version, ref.text)
			}
		}
	})
}
