package server

import (
	"math/rand/v2"
	"testing"
	"unicode/utf16"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
)

// TestRandomEditsMatchReference applies thousands of random incremental edits
// through the server's change path and through a reference model that works
// on UTF-16 code units per line, and requires identical text throughout.
func TestRandomEditsMatchReference(t *testing.T) {
	pieces := []string{"a", "key: ", "😀", "漢字", "\r\n", "\n", "é", "\t", " ", "x: \"y\"", "🎉🎉", ""}
	for _, enc := range []source.Encoding{source.UTF16, source.UTF8, source.UTF32} {
		s := New(Options{})
		s.encoding = enc
		rng := rand.New(rand.NewPCG(1, uint64(enc)))
		text := []byte("asyncapi: 3.0.0\r\ninfo:\n  title: 😀 漢字\n")
		for i := 0; i < 3000; i++ {
			ref := []rune(string(text))
			a, b := rng.IntN(len(ref)+1), rng.IntN(len(ref)+1)
			if a > b {
				a, b = b, a
			}
			// Never split a "\r\n" pair: editors cannot place a cursor inside it.
			if a > 0 && a < len(ref) && ref[a-1] == '\r' && ref[a] == '\n' {
				a--
			}
			if b > 0 && b < len(ref) && ref[b-1] == '\r' && ref[b] == '\n' {
				b++
			}
			ins := pieces[rng.IntN(len(pieces))] + pieces[rng.IntN(len(pieces))]
			want := string(ref[:a]) + ins + string(ref[b:])
			r := protocol.Range{Start: refPosition(ref, a, enc), End: refPosition(ref, b, enc)}
			old := text
			var same source.Unchanged
			text, _, same = s.applyChanges(text, source.NewMapper(text), []protocol.TextDocumentContentChangeEvent{
				&protocol.TextDocumentContentChangePartial{Range: r, Text: ins}})
			if string(text) != want {
				t.Fatalf("%v edit %d: got %q want %q", enc, i, text, want)
			}
			// What the change reports as left alone must be so.
			same = same.Fit(len(old), len(text))
			if string(old[:same.Prefix]) != string(text[:same.Prefix]) || string(old[len(old)-same.Suffix:]) != string(text[len(text)-same.Suffix:]) {
				t.Fatalf("%v edit %d: %+v is not unchanged between %q and %q", enc, i, same, old, text)
			}
		}
	}
}

// refPosition computes an LSP position for rune index i the slow, obvious way.
func refPosition(r []rune, i int, enc source.Encoding) protocol.Position {
	line, col := 0, 0
	for k := 0; k < i; k++ {
		switch {
		case r[k] == '\n' || (r[k] == '\r' && (k+1 >= len(r) || r[k+1] != '\n')):
			line, col = line+1, 0
		case r[k] == '\r':
			// the "\r" of a "\r\n" pair: the "\n" ends the line
		case enc == source.UTF8:
			col += len(string(r[k]))
		case enc == source.UTF16:
			col += len(utf16.Encode([]rune{r[k]}))
		default:
			col++
		}
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

func TestOutOfRangeChangeIsClamped(t *testing.T) {
	s := New(Options{})
	text := []byte("a: 1\n")
	got, _, _ := s.applyChanges(text, source.NewMapper(text), []protocol.TextDocumentContentChangeEvent{
		&protocol.TextDocumentContentChangePartial{Range: protocol.Range{
			Start: protocol.Position{Line: 0, Character: 99}, End: protocol.Position{Line: 42, Character: 0}}, Text: "!"}})
	if string(got) != "a: 1!" {
		t.Fatalf("got %q", got)
	}
}
