package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"sync"
	"unicode/utf8"
)

// Encoding is the unit an editor counts columns in.
type Encoding uint8

const (
	UTF16 Encoding = iota // the LSP default
	UTF8
	UTF32
)

func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	}
	return "utf-16"
}

// Position is a zero-based line and a column counted in the mapper's encoding.
type Position struct {
	Line      int
	Character int
}

// ErrOutOfRange reports a position or offset outside the text.
var ErrOutOfRange = errors.New("position out of range")

// Mapper converts between byte offsets and positions for one immutable text.
// The line table is built on first use, so a version that is never queried
// costs nothing.
type Mapper struct {
	text     []byte
	once     sync.Once
	lines    lineTable // byte offset where each line starts
	asciiAll bool
	noCR     bool // the text has no "\r": lines end at "\n" alone
}

// NewMapper returns a mapper over text. The caller must not modify text.
func NewMapper(text []byte) *Mapper { return &Mapper{text: text} }

// Text returns the mapped text.
func (m *Mapper) Text() []byte { return m.text }

func (m *Mapper) init() {
	m.once.Do(func() {
		text := m.text
		lines := append(make([]int, 0, bytes.Count(text, []byte{'\n'})+1), 0)
		defer func() { m.lines = newLineTable(lines) }()
		m.asciiAll = isASCII(text)
		if m.noCR = bytes.IndexByte(text, '\r') < 0; m.noCR {
			// The common text: line ends found by a vector search.
			for i := 0; ; {
				j := bytes.IndexByte(text[i:], '\n')
				if j < 0 {
					break
				}
				i += j + 1
				lines = append(lines, i)
			}
			return
		}
		for i := 0; i < len(text); i++ {
			switch text[i] {
			case '\n':
				lines = append(lines, i+1)
			case '\r':
				// "\r\n" is one line end, a lone "\r" is one too.
				if i+1 < len(text) && text[i+1] == '\n' {
					i++
				}
				lines = append(lines, i+1)
			}
		}
	})
}

// Edited returns the mapper of text, which is m's text with e applied: its
// line table is m's with the lines after the edit moved, not a scan of the
// whole text (a keystroke in a big document). A text with "\r" line ends
// is scanned.
func (m *Mapper) Edited(text []byte, e Edit) *Mapper {
	m.init()
	if !m.noCR || strings.IndexByte(e.Text, '\r') >= 0 {
		return NewMapper(text)
	}
	delta := len(e.Text) - (e.End - e.Start)
	first := m.lines.lineOf(e.Start) + 1 // the first line starting after the edit's start
	last := m.lines.lineOf(e.End) + 1    // and after its end
	var inserted []int
	for i := 0; ; {
		j := strings.IndexByte(e.Text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		inserted = append(inserted, e.Start+i)
	}
	lines := m.lines.edited(first, last, inserted, delta)
	out := &Mapper{text: text}
	out.once.Do(func() {
		out.lines, out.noCR = lines, true
		out.asciiAll = m.asciiAll && isASCII([]byte(e.Text))
	})
	return out
}

// isASCII reports whether text holds only ASCII bytes, 8 at a time.
func isASCII(text []byte) bool {
	const high = 0x8080808080808080
	i := 0
	for ; i+8 <= len(text); i += 8 {
		if binary.LittleEndian.Uint64(text[i:])&high != 0 {
			return false
		}
	}
	for ; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// LineCount is the number of lines; a final line end opens an empty last line.
func (m *Mapper) LineCount() int {
	m.init()
	return m.lines.len()
}

// LineStart is the byte offset where line (zero-based) starts.
func (m *Mapper) LineStart(line int) int {
	m.init()
	if line < 0 {
		return 0
	}
	if line >= m.lines.len() {
		return len(m.text)
	}
	return m.lines.at(line)
}

// lineContentEnd is the offset of the line end (before "\r\n", "\n" or "\r").
func (m *Mapper) lineContentEnd(line int) int {
	end := len(m.text)
	if line+1 < m.lines.len() {
		end = m.lines.at(line + 1)
		if end > 0 && m.text[end-1] == '\n' {
			end--
		}
		if end > m.lines.at(line) && m.text[end-1] == '\r' {
			end--
		}
	}
	return end
}

// LineOf returns the zero-based line holding offset.
func (m *Mapper) LineOf(offset int) int {
	m.init()
	return m.lines.lineOf(offset)
}

// Position converts a byte offset into a position in enc. An offset inside a
// multi-byte character is moved to that character's start.
func (m *Mapper) Position(offset int, enc Encoding) (Position, error) {
	if offset < 0 || offset > len(m.text) {
		return Position{}, ErrOutOfRange
	}
	m.init()
	line := m.LineOf(offset)
	start := m.lines.at(line)
	if end := m.lineContentEnd(line); offset > end {
		offset = end // inside a "\r\n": report the line end
	}
	if m.asciiAll || enc == UTF8 {
		return Position{Line: line, Character: offset - start}, nil
	}
	return Position{Line: line, Character: units(m.text[start:offset], enc)}, nil
}

// Offset converts a position in enc into a byte offset. A character past the
// end of its line is clamped to the line end (LSP says so); a line past the
// end of the text is an error.
func (m *Mapper) Offset(p Position, enc Encoding) (int, error) {
	m.init()
	if p.Line < 0 || p.Character < 0 {
		return 0, ErrOutOfRange
	}
	if p.Line >= m.lines.len() {
		if p.Line == m.lines.len() && p.Character == 0 {
			return len(m.text), nil // the position just after the last line end
		}
		return 0, ErrOutOfRange
	}
	start, end := m.lines.at(p.Line), m.lineContentEnd(p.Line)
	if m.asciiAll || enc == UTF8 {
		off := start + p.Character
		if off > end {
			off = end
		}
		if enc == UTF8 {
			for off > start && off < end && !utf8.RuneStart(m.text[off]) {
				off--
			}
		}
		return off, nil
	}
	col := 0
	off := start
	for off < end && col < p.Character {
		r, size := utf8.DecodeRune(m.text[off:])
		n := 1
		if enc == UTF16 && r >= 0x10000 && r != utf8.RuneError {
			n = 2
		}
		if col+n > p.Character {
			break // inside a surrogate pair: stay before the character
		}
		col += n
		off += size
	}
	return off, nil
}

// Column returns the 1-based line and 1-based column (in characters) of offset,
// the form command-line output uses.
func (m *Mapper) Column(offset int) (line, col int) {
	p, err := m.Position(min(max(offset, 0), len(m.text)), UTF32)
	if err != nil {
		return 1, 1
	}
	return p.Line + 1, p.Character + 1
}

// units counts code units of b in enc. Invalid bytes count one unit each.
func units(b []byte, enc Encoding) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		switch {
		case enc == UTF8:
			n += size
		case enc == UTF16 && r >= 0x10000:
			n += 2
		default:
			n++
		}
	}
	return n
}
