package source

import (
	"bytes"
	"strings"
	"unsafe"
)

// Edit replaces the bytes [Start, End) with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Apply returns a new text with e applied; text itself is not modified so that
// older snapshots sharing it stay valid.
func Apply(text []byte, e Edit) ([]byte, error) {
	if e.Start < 0 || e.End < e.Start || e.End > len(text) {
		return nil, ErrOutOfRange
	}
	n := len(text) - (e.End - e.Start) + len(e.Text)
	if n == 0 {
		return []byte{}, nil
	}
	// A builder's buffer is not zeroed before it is written: for a big
	// document that is a pass over megabytes per keystroke saved. The
	// result is the builder's string as bytes, never written again, as no
	// version's text is.
	var b strings.Builder
	b.Grow(n)
	b.Write(text[:e.Start])
	b.WriteString(e.Text)
	b.Write(text[e.End:])
	out := b.String()
	return unsafe.Slice(unsafe.StringData(out), len(out)), nil
}

// Unchanged is what an edit left alone: the first Prefix and the last
// Suffix bytes of the new text are those of the text it was made on.
// Bounds from edits need not be the longest ones; they only need to hold.
type Unchanged struct{ Prefix, Suffix int }

// UnchangedBy is what e, applied to a text of length n, leaves alone.
func UnchangedBy(n int, e Edit) Unchanged { return Unchanged{e.Start, n - e.End} }

// Then is what u and then a later edit leaving v alone leave alone.
func (u Unchanged) Then(v Unchanged) Unchanged {
	return Unchanged{min(u.Prefix, v.Prefix), min(u.Suffix, v.Suffix)}
}

// Fit is u for an old text of length oldLen and a new one of newLen: the
// prefix and the suffix overlap in neither (bounds composed over edits that
// changed nothing may).
func (u Unchanged) Fit(oldLen, newLen int) Unchanged {
	p := min(u.Prefix, oldLen, newLen)
	return Unchanged{p, min(u.Suffix, oldLen-p, newLen-p)}
}

// Compare is what old and text have in common at their start and end, the
// longest bounds, found by comparing them.
func Compare(old, text []byte) Unchanged {
	p := CommonPrefix(old, text)
	return Unchanged{p, CommonSuffix(old[p:], text[p:])}
}

// CommonPrefix is the length of the longest common prefix of a and b,
// compared in blocks first: what an edit left alone around it.
func CommonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const block = 4096
	for i+block <= n && bytes.Equal(a[i:i+block], b[i:i+block]) {
		i += block
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// CommonSuffix is the length of the longest common suffix of a and b.
func CommonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const block = 4096
	for i+block <= n && bytes.Equal(a[len(a)-i-block:len(a)-i], b[len(b)-i-block:len(b)-i]) {
		i += block
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
