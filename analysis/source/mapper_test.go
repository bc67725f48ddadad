package source

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// Every offset at a character boundary must survive offset → position →
// offset in every encoding, and the column must count the right units.
func TestRoundTripAllEncodings(t *testing.T) {
	texts := []string{
		"",
		"ascii only\nsecond line\n",
		"t: [\"😀\", v]\n",
		"\ufeffbom: x\n",
		"crlf: 1\r\nnext: 2\r\n",
		"lone\rcr\n",
		"tab:\tx\n漢字: かな\n",
		"no final newline 🎉",
	}
	for _, text := range texts {
		m := NewMapper([]byte(text))
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
				continue // inside a line end
			}
			for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
				p, err := m.Position(off, enc)
				if err != nil {
					t.Fatalf("%q offset %d: %v", text, off, err)
				}
				back, err := m.Offset(p, enc)
				if err != nil || back != off {
					t.Fatalf("%q %v offset %d → %+v → %d (%v)", text, enc, off, p, back, err)
				}
				lineStart := m.LineStart(p.Line)
				prefix := text[lineStart:off]
				want := len(prefix)
				switch enc {
				case UTF16:
					want = len(utf16.Encode([]rune(prefix)))
				case UTF32:
					want = utf8.RuneCountInString(prefix)
				}
				if p.Character != want {
					t.Fatalf("%q %v offset %d: column %d, want %d", text, enc, off, p.Character, want)
				}
			}
		}
	}
}

func TestEmojiColumns(t *testing.T) {
	// The design notes' example: in `t: ["😀", v]` the v sits at byte column
	// 12, UTF-16 column 10 and rune column 9 (zero-based).
	m := NewMapper([]byte(`t: ["😀", v]`))
	off := len(`t: ["😀", `)
	for enc, want := range map[Encoding]int{UTF8: 12, UTF16: 10, UTF32: 9} {
		if p, _ := m.Position(off, enc); p.Character != want {
			t.Errorf("%v: column %d, want %d", enc, p.Character, want)
		}
	}
}

func TestOutOfRange(t *testing.T) {
	m := NewMapper([]byte("a\nb"))
	if _, err := m.Offset(Position{Line: 5}, UTF16); err == nil {
		t.Error("line past the end accepted")
	}
	if off, err := m.Offset(Position{Line: 0, Character: 99}, UTF16); err != nil || off != 1 {
		t.Errorf("character past the line end: %d %v, want clamped to 1", off, err)
	}
	if _, err := m.Position(99, UTF16); err == nil {
		t.Error("offset past the end accepted")
	}
	// A position inside a surrogate pair lands before the character.
	m = NewMapper([]byte("😀x"))
	if off, _ := m.Offset(Position{Character: 1}, UTF16); off != 0 {
		t.Errorf("inside a surrogate pair: %d", off)
	}
}

// TestEditedMapper: the line table derived from the previous text's, after
// random edits, equals a scan of the new text.
func TestEditedMapper(t *testing.T) {
	for _, size := range []int{blockLines, 3, 1} {
		t.Run(fmt.Sprintf("blocks of %d lines", size), func(t *testing.T) {
			defer func(was int) { blockLines = was }(blockLines)
			blockLines = size
			testEditedMapper(t)
		})
	}
}

func testEditedMapper(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	text := []byte("a: 1\nb:\n  c: é\n\nd: x\n")
	m := NewMapper(text)
	for i := 0; i < 2000; i++ {
		start := rng.IntN(len(text) + 1)
		span := 4
		if i%10 == 0 {
			span = 40 // across lines, and blocks when they are small
		}
		end := start + rng.IntN(min(span, len(text)-start)+1)
		ins := []string{"", "x", "\n", "é\n", "\n\n  y: ", "ab"}[rng.IntN(6)]
		if i%500 == 499 {
			ins = "\r\n" // "\r" line ends: scanned
		}
		e := Edit{Start: start, End: end, Text: ins}
		next, err := Apply(text, e)
		if err != nil {
			t.Fatal(err)
		}
		got, want := m.Edited(next, e), NewMapper(next)
		if g, w := got.LineCount(), want.LineCount(); g != w {
			t.Fatalf("edit %d %+v: %d lines, want %d", i, e, g, w)
		}
		for l := 0; l < want.LineCount(); l++ {
			if got.LineStart(l) != want.LineStart(l) {
				t.Fatalf("edit %d %+v: line %d starts at %d, want %d", i, e, l, got.LineStart(l), want.LineStart(l))
			}
		}
		for off := 0; off <= len(next); off++ {
			if g, _ := got.Position(off, UTF16); g != func() Position { p, _ := want.Position(off, UTF16); return p }() {
				t.Fatalf("edit %d: offset %d at %v", i, off, g)
			}
		}
		text, m = next, got
		if len(text) > 400 {
			text, m = text[:200], NewMapper(text[:200])
		}
	}
}

// TestLineBlocksStayLarge edits a text of thousands of lines at scattered
// places and checks that the line table keeps few blocks: tiny blocks
// left by edits would make every later edit copy more block headers.
func TestLineBlocksStayLarge(t *testing.T) {
	text := []byte(strings.Repeat("ab\n", 5000))
	m := NewMapper(text)
	m.init()
	for i := range 3000 {
		at := i * 7919 % len(text)
		e := Edit{Start: at, End: at, Text: "\n"}
		if i%2 == 1 {
			e = Edit{Start: at, End: at + 1} // a deletion, of a line end at times
		}
		next, err := Apply(text, e)
		if err != nil {
			t.Fatal(err)
		}
		text, m = next, m.Edited(next, e)
	}
	if most := 2*m.lines.len()/blockLines + 2; len(m.lines.blocks) > most {
		t.Errorf("%d lines in %d blocks, more than %d", m.lines.len(), len(m.lines.blocks), most)
	}
	if want := NewMapper(text); want.LineCount() != m.LineCount() || want.LineStart(m.LineCount()-1) != m.LineStart(m.LineCount()-1) {
		t.Errorf("the edited table differs from a scan")
	}
}
