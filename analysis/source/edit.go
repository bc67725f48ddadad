package source

import "bytes"

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
	out := make([]byte, 0, len(text)-(e.End-e.Start)+len(e.Text))
	out = append(out, text[:e.Start]...)
	out = append(out, e.Text...)
	return append(out, text[e.End:]...), nil
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
