package source

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
