package incremental

import (
	"bytes"

	"asyncapi-ls/analysis/source"
)

// replan is the plan of text made from prev, the plan of prevText, where
// an edit changed only the inside of one chunk: that chunk (the deepest
// one holding every changed line) is planned again from its own lines, the
// chunks after it are shifted, and every other chunk keeps its sections.
// It costs the size of that chunk and the number of chunks, not the size of
// the text. false: the edit reaches beyond one chunk, or may change how its
// siblings are cut (a line at or left of their keys' indentation); the
// caller then plans the whole text. same is what the two texts have in
// common at their start and end (not necessarily all of it).
func replan(prevText, text []byte, prev []*chunk, same source.Unchanged) ([]*chunk, bool) {
	if len(prev) == 0 || bytes.HasPrefix(text, bom) != bytes.HasPrefix(prevText, bom) {
		return nil, false
	}
	p, q := same.Prefix, same.Suffix
	delta := len(text) - len(prevText)
	// The changed lines: from the start of the line holding the first
	// changed byte to the end of the line holding the last one (for a
	// deletion, the line it joined). Lines after them are the old ones.
	from := bytes.LastIndexByte(text[:p], '\n') + 1
	to := nextLine(text, max(len(text)-q-1, p))
	if from == 0 {
		return nil, false // the first line: a byte order mark, leading comments
	}
	oldTo := to - delta
	r := &replanner{prevText: prevText, text: text, delta: delta}
	top, ok := r.level(prev, from, oldTo, 0, 1)
	return top, ok
}

type replanner struct {
	// prevText is the text prev was planned from: the indentation of a
	// chunk's entries is read there, since the edit may have changed the
	// first entry's (and the entries after it are then siblings no more).
	prevText, text []byte
	delta          int
	lines          []line
}

// level replans chunks, siblings whose keys sit at indent (depth as split
// counts it), for the changed old lines [from, oldTo).
func (r *replanner) level(chunks []*chunk, from, oldTo, indent, depth int) ([]*chunk, bool) {
	i := chunkAt(chunks, from, oldTo)
	if i < 0 {
		return nil, false
	}
	c := chunks[i]
	next := &chunk{start: c.start, end: c.end + r.delta}
	// Below a header, inside one child: go down. The header's own lines
	// (the key line and the comments before the first child) are planned
	// with the chunk.
	if c.children != nil && from >= c.children[0].start {
		if next.end-next.start < minSplitBytes {
			return nil, false // too small to be split now: plan it whole
		}
		kids, ok := r.level(c.children, from, oldTo, indentOf(r.prevText, c.children[0].start), depth+1)
		if !ok {
			return nil, false
		}
		next.children, next.head = kids, c.head
	} else {
		planned, ok := r.plan(next, indent, depth, i == 0 && depth == 1)
		if !ok || depth > 1 && !r.fits(chunks, i, planned) {
			return nil, false
		}
		out := make([]*chunk, 0, len(chunks)-1+len(planned))
		out = append(append(out, chunks[:i]...), planned...)
		for j := i + 1; j < len(chunks); j++ {
			out = append(out, shifted(chunks[j], r.delta))
		}
		return out, true
	}
	out := make([]*chunk, len(chunks))
	copy(out, chunks[:i])
	out[i] = next
	for j := i + 1; j < len(chunks); j++ {
		out[j] = shifted(chunks[j], r.delta)
	}
	return out, true
}

// fits reports whether planned, the chunks cut anew in place of chunks[i]
// below the top level, are what a plan of the whole text cuts there: a leaf
// group stays apart from a leaf group beside it only when the earlier one
// is closed, and a mapping of one entry is not split.
func (r *replanner) fits(chunks []*chunk, i int, planned []*chunk) bool {
	if i > 0 && chunks[i-1].children == nil && !chunks[i-1].closed && planned[0].children == nil {
		return false
	}
	last := planned[len(planned)-1]
	if i+1 < len(chunks) && chunks[i+1].children == nil && !last.closed && last.children == nil {
		return false
	}
	return len(chunks) > 1 || len(planned) > 1 || planned[0].entries > 1
}

// plan cuts c anew from its lines, into the chunks a plan of the whole
// text cuts there. Its first content line must still be a key at indent,
// and every later line blank, indented further or (below the top level,
// where c is a group of entries) another entry's key at indent: otherwise
// the edit ended the mapping or changed how its entries are cut, and its
// parent must be cut again. first: the document's first chunk, which also
// holds the lines before its key.
func (r *replanner) plan(c *chunk, indent, depth int, first bool) ([]*chunk, bool) {
	r.lines = scanRange(r.text, c.start, c.end, r.lines)
	var starts []int
	for i, l := range r.lines {
		switch {
		case l.kind == blank:
			continue
		case len(starts) == 0:
			if l.kind != content || l.indent != indent || !first && i > 0 || !keyLine(r.text[l.first], depth) {
				return nil, false
			}
			starts = append(starts, i)
		case l.indent < indent:
			return nil, false
		case l.indent == indent:
			if depth == 1 || l.kind != content || !entryStart(r.text[l.first]) {
				return nil, false
			}
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return nil, false
	}
	kids := entryChunks(r.text, r.lines, starts, c.start, c.end, len(r.lines), indent, depth)
	if depth == 1 {
		return kids, true
	}
	return groupLeaves(r.text, kids), true
}

// keyLine reports whether a line starting with b may start a chunk at depth:
// a top-level key (plan's rule) or a mapping entry (split's).
func keyLine(b byte, depth int) bool {
	if depth == 1 {
		switch b {
		case '-', '.', '%', '{', '[', '?', '&', '!', '*', '|', '>', ':', ',', ']', '}':
			return false
		}
		return true
	}
	return entryStart(b)
}

// chunkAt is the index of the chunk holding the lines [from, to), or -1.
func chunkAt(chunks []*chunk, from, to int) int {
	lo, hi := 0, len(chunks)
	for lo < hi {
		m := (lo + hi) / 2
		if chunks[m].end <= from {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(chunks) && chunks[lo].start <= from && to <= chunks[lo].end {
		return lo
	}
	return -1
}

// shifted is c and its children moved by delta; they keep their sections.
func shifted(c *chunk, delta int) *chunk {
	if delta == 0 {
		return c
	}
	out := &chunk{start: c.start + delta, end: c.end + delta, sec: c.sec, head: c.head, closed: c.closed, entries: c.entries}
	if c.children != nil {
		out.children = make([]*chunk, len(c.children))
		for i, k := range c.children {
			out.children[i] = shifted(k, delta)
		}
	}
	return out
}

// nextLine is the offset after the line break at or after i (len(text)
// when there is none).
func nextLine(text []byte, i int) int {
	if i >= len(text) {
		return len(text)
	}
	j := bytes.IndexByte(text[i:], '\n')
	if j < 0 {
		return len(text)
	}
	return i + j + 1
}
