package convert

import (
	"asyncapi-ls/analysis/syntax"
	"strings"
)

// layout answers where the parts of an original entry lie in the text: the
// comment lines above its key (its head), its value, and the blank lines and
// comments after it (its tail, up to the next entry's head). An entry that
// moves takes its head and tail along; an entry that stays keeps them where
// they are.
type layout struct {
	src []byte
}

// lineStart is the offset of the line holding off.
func (l layout) lineStart(off int) int {
	off = min(off, len(l.src))
	for off > 0 && l.src[off-1] != '\n' {
		off--
	}
	return off
}

// lineEnd is the offset just after the line break of the line holding off
// (the text's end for the last line).
func (l layout) lineEnd(off int) int {
	for off < len(l.src) && l.src[off] != '\n' {
		off++
	}
	if off < len(l.src) {
		off++
	}
	return off
}

// col is the byte column of off on its line.
func (l layout) col(off int) int { return off - l.lineStart(off) }

// atLineStart reports whether off begins a line.
func (l layout) atLineStart(off int) bool {
	return off == 0 || off <= len(l.src) && l.src[off-1] == '\n'
}

// lineIndent is the count of spaces that begin the line holding off.
func (l layout) lineIndent(off int) int {
	i := l.lineStart(off)
	n := 0
	for i+n < len(l.src) && l.src[i+n] == ' ' {
		n++
	}
	return n
}

// lineKind classifies the line starting at ls: blank, a comment (with its
// indentation), or content.
func (l layout) lineKind(ls int) (blank, comment bool, indent int) {
	i := ls
	for i < len(l.src) && (l.src[i] == ' ' || l.src[i] == '\t') {
		i++
	}
	if i >= len(l.src) || l.src[i] == '\n' || l.src[i] == '\r' {
		return true, false, i - ls
	}
	return false, l.src[i] == '#', i - ls
}

// prevLine is the start of the line before the one starting at ls, or -1.
func (l layout) prevLine(ls int) int {
	if ls == 0 {
		return -1
	}
	return l.lineStart(ls - 1)
}

// head is where the entry whose key (or dash) starts at keyStart begins:
// the comment lines right above it, no more indented than it, and never
// above floor. The first entry of a collection (first) also takes the blank
// lines above it, up to the line of its parent.
func (l layout) head(keyStart, floor int, first bool) int {
	ls := l.lineStart(keyStart)
	if ls != keyStart && !l.onlySpacesBefore(keyStart) {
		return keyStart // the key shares its line with a dash or a flow bracket
	}
	keyCol := keyStart - ls
	start := ls
	for p := l.prevLine(start); p >= floor && p >= 0; p = l.prevLine(start) {
		blank, comment, indent := l.lineKind(p)
		if !(comment && indent <= keyCol) && !(first && (blank || comment)) {
			break
		}
		start = p
	}
	return start
}

// onlySpacesBefore reports whether off is preceded on its line by spaces only.
func (l layout) onlySpacesBefore(off int) bool {
	for i := off - 1; i >= 0 && l.src[i] != '\n'; i-- {
		if l.src[i] != ' ' {
			return false
		}
	}
	return true
}

// valueEnd is where the lines of a block value end: just after the line
// break of its last line.
func (l layout) valueEnd(v *syntax.Node) int { return l.lineEnd(max(v.End, v.Start)) }

// block reports a collection written in block style with content.
func block(n *syntax.Node) bool {
	return n != nil && !n.Flow && (n.Kind == syntax.Mapping && len(n.Pairs) > 0 || n.Kind == syntax.Sequence && len(n.Items) > 0)
}

// pairHead is the head of entry i of the block mapping m.
func (l layout) pairHead(m *syntax.Node, i int) int {
	floor := 0
	if i > 0 {
		floor = l.valueEnd(m.Pairs[i-1].Value)
	}
	return l.head(m.Pairs[i].Key.Start, floor, i == 0)
}

// pairTail is where entry i of the block mapping m ends: the next entry's
// head, or the end of its value's lines for the last one.
func (l layout) pairTail(m *syntax.Node, i int) int {
	if i+1 < len(m.Pairs) {
		return l.pairHead(m, i+1)
	}
	return l.valueEnd(m.Pairs[i].Value)
}

// properties scans back from start, over white space and the properties
// (anchors and tags) written before a node, which its span leaves out, down
// to floor. before is the offset of the last other byte before them (below
// floor when there is none); tag is the offset of a tag among them, or -1
// (a word of a comment that looks like one is no tag).
func (l layout) properties(start, floor int) (before, tag int) {
	space := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }
	i, tag := start-1, -1
	for {
		for i >= floor && space(l.src[i]) {
			i--
		}
		j := i
		for j >= floor && !space(l.src[j]) {
			j--
		}
		if j == i || l.src[j+1] != '&' && l.src[j+1] != '!' {
			return i, tag
		}
		if l.src[j+1] == '!' && tag < 0 && !strings.Contains(string(l.src[l.lineStart(j+1):j+1]), "#") {
			tag = j + 1
		}
		i = j
	}
}

// dash is the offset of the "-" that introduces item it of a block sequence.
// The value may start lines below its dash ("-" alone on its line), and after
// an anchor or a tag.
func (l layout) dash(it *syntax.Node) int {
	if i, _ := l.properties(it.Start, 0); i >= 0 && l.src[i] == '-' {
		return i
	}
	return it.Start
}

// itemHead is the head of item i of the block sequence s.
func (l layout) itemHead(s *syntax.Node, i int) int {
	floor := 0
	if i > 0 {
		floor = l.valueEnd(s.Items[i-1])
	}
	return l.head(l.dash(s.Items[i]), floor, i == 0)
}

// itemTail is where item i of the block sequence s ends.
func (l layout) itemTail(s *syntax.Node, i int) int {
	if i+1 < len(s.Items) {
		return l.itemHead(s, i+1)
	}
	return l.valueEnd(s.Items[i])
}

// firstCol is the column of the first key or item of an original
// collection, where its content is indented to; -1 when it is empty.
func (l layout) firstCol(n *syntax.Node) int {
	switch {
	case n.Kind == syntax.Mapping && len(n.Pairs) > 0:
		return l.col(n.Pairs[0].Key.Start)
	case n.Kind == syntax.Sequence && len(n.Items) > 0:
		if n.Flow {
			return l.col(n.Items[0].Start)
		}
		return l.col(l.dash(n.Items[0]))
	}
	return -1
}
