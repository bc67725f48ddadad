package incremental

import "bytes"

// maxDepth is the deepest path a split reaches: components → messages →
// one message.
const maxDepth = 3

// minSplitBytes is the size below which a mapping is kept in one section:
// splitting it would cost more than parsing it. Tests lower it.
var minSplitBytes = 2048

// chunk is a section of the text: [start, end) holds whole lines, from the
// line of its first key to the line of the next sibling's key. A split chunk
// has children: its own key is then written alone on its first line ("key:"
// and maybe a comment) and [start, children[0].start) is that header.
//
// A chunk carried over from the previous version's plan, whose text the
// edit left alone, keeps the section assembled for it then (sec for a leaf,
// head for a split chunk's header): assembling finds it without hashing.
type chunk struct {
	start, end int
	children   []*chunk
	sec, head  *section
	// A leaf below a split chunk is a group: one entry or a run of
	// neighbours (see groupLeaves). closed: the group's last entry ends a
	// group by itself, so the group stays apart from a leaf group after it.
	closed bool
	// entries is how many entries the chunk holds at its level.
	entries int
}

type line struct {
	start, end int // end excludes the line break
	indent     int // leading spaces
	first      int // offset of the first character after them
	kind       lineKind
}

type lineKind uint8

const (
	blank   lineKind = iota // empty, spaces, or a comment
	content                 // anything else
	tabbed                  // leading spaces then a tab, then something
)

// scanLines lists the lines of text.
func scanLines(text []byte, lines []line) []line {
	return scanRange(text, 0, len(text), lines)
}

// scanRange lists the lines of text[from:to), whole lines, with offsets in
// text.
func scanRange(text []byte, from, to int, lines []line) []line {
	if n := bytes.Count(text[from:to], []byte{'\n'}) + 1; cap(lines) < n {
		lines = make([]line, 0, n) // one allocation, not a doubling series
	}
	lines = lines[:0]
	for start := from; start < to; {
		end := bytes.IndexByte(text[start:to], '\n')
		next := to
		if end < 0 {
			end = to
		} else {
			end += start
			next = end + 1
		}
		l := line{start: start, end: end}
		lead := start
		if start == 0 && bytes.HasPrefix(text, bom) {
			lead += len(bom)
		}
		i := lead
		for i < end && text[i] == ' ' {
			i++
		}
		l.indent, l.first = i-lead, i
		switch {
		case i >= end || text[i] == '#' || text[i] == '\r' && i+1 == end:
			l.kind = blank
		case text[i] == '\t':
			l.kind = tabbed
			if len(bytes.TrimSpace(text[i:end])) == 0 {
				l.kind = blank
			}
		default:
			l.kind = content
		}
		lines = append(lines, l)
		start = next
	}
	return lines
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// plan splits text into top-level chunks, each split further where the text
// allows. It reports false when the text has a shape the split does not
// handle (the whole path then runs).
func plan(text []byte, lines []line) ([]*chunk, bool) {
	var top []*chunk
	var firstLine []int
	for i, l := range lines {
		if l.kind == tabbed && l.indent == 0 {
			return nil, false
		}
		if l.kind != content || l.indent != 0 {
			continue
		}
		switch text[l.first] {
		case '-', '.', '%', '{', '[', '?', '&', '!', '*', '|', '>', ':', ',', ']', '}':
			return nil, false // document markers, directives, a non-mapping root
		}
		start := l.start
		if len(top) == 0 {
			start = 0 // the first section holds the byte order mark and leading comments
		} else {
			top[len(top)-1].end = start
		}
		top = append(top, &chunk{start: start, end: len(text)})
		firstLine = append(firstLine, i)
	}
	if len(top) == 0 {
		return nil, false
	}
	for i, c := range top {
		last := len(lines)
		if i+1 < len(top) {
			last = firstLine[i+1]
		}
		split(text, lines, c, firstLine[i], last, 0, 1)
	}
	return top, true
}

// split divides chunk c (lines [first, last), its key at indentation indent)
// into the entries of its block mapping value, when its header is a bare
// "key:" line and every line at the entries' indentation starts an entry.
func split(text []byte, lines []line, c *chunk, first, last, indent, depth int) {
	if depth > maxDepth-1 || c.end-c.start < minSplitBytes || !bareHeader(text, lines[first], indent) {
		return
	}
	n := -1
	var starts []int
	for i := first + 1; i < last; i++ {
		l := lines[i]
		if l.kind == blank {
			continue
		}
		if n < 0 {
			n = l.indent
			if n <= indent {
				return
			}
		}
		switch {
		case l.indent < n:
			return
		case l.indent > n:
			continue
		case l.kind == tabbed || !entryStart(text[l.first]):
			return
		}
		starts = append(starts, i)
	}
	if len(starts) < 2 {
		return
	}
	c.children = groupLeaves(text, entryChunks(text, lines, starts, lines[starts[0]].start, c.end, last, n, depth+1))
}

// entryChunks are the chunks of the sibling entries whose key lines are
// starts, from start (the first one's key line, or lines before it) to end
// (line last), each split where it can be.
func entryChunks(text []byte, lines []line, starts []int, start, end, last, indent, depth int) []*chunk {
	out := make([]*chunk, len(starts))
	for j, s := range starts {
		ch := &chunk{start: lines[s].start, end: end, entries: 1}
		if j == 0 {
			ch.start = start
		}
		next := last
		if j+1 < len(starts) {
			next = starts[j+1]
			ch.end = lines[next].start
		}
		split(text, lines, ch, s, next, indent, depth)
		out[j] = ch
	}
	return out
}

// groupEntries is how many entries a group holds on average: sections of
// a few entries each make an edit's walks over the sections a few times
// shorter, for a little more to parse and check again in the edited one.
// Tests lower it.
var groupEntries uint32 = 8

// groupLeaves joins runs of neighbouring entries that are not split into
// groups, each a leaf chunk. A group ends after an entry whose key line
// hashes to a multiple of groupEntries, before a split entry, or with its
// siblings: every cut depends on the entry's own text, so an edit regroups
// only the group it falls in (see replanner.level).
func groupLeaves(text []byte, kids []*chunk) []*chunk {
	out := kids[:0]
	var open *chunk
	for _, k := range kids {
		if k.children != nil {
			open = nil
			out = append(out, k)
			continue
		}
		if open == nil {
			open = k
			out = append(out, k)
		} else {
			open.end = k.end
			open.entries++
		}
		if endsGroup(text, k.start) {
			open.closed = true
			open = nil
		}
	}
	return out
}

// endsGroup reports whether the entry whose key line starts at start ends
// its group: FNV-1a of that line, modulo groupEntries.
func endsGroup(text []byte, start int) bool {
	h := uint32(2166136261)
	for i := start; i < len(text) && text[i] != '\n' && text[i] != '\r'; i++ {
		h = (h ^ uint32(text[i])) * 16777619
	}
	return h%groupEntries == 0
}

// entryStart reports whether a line starting with b may start a mapping
// entry the splitter can cut at (a sequence item, a complex key, a comment,
// anchors, tags and aliases cannot).
func entryStart(b byte) bool {
	switch b {
	case '-', '?', '#', '&', '!', '*', '|', '>', '{', '[', ']', '}', ',', ':', '%', '@', '`':
		return false
	}
	return true
}

// bareHeader reports whether l is "key:" alone (a comment may follow): its
// value is then the block collection on the next lines.
func bareHeader(text []byte, l line, indent int) bool {
	if l.kind != content || l.indent != indent {
		return false
	}
	s := text[l.first:l.end]
	if i := bytes.Index(s, []byte(" #")); i >= 0 {
		s = s[:i]
	}
	s = bytes.TrimRight(s, " \t\r")
	if len(s) < 2 || s[len(s)-1] != ':' || !entryStart(s[0]) || s[0] == '"' || s[0] == '\'' {
		return false
	}
	key := s[:len(s)-1]
	return !bytes.Contains(key, []byte(": ")) && !bytes.Contains(key, []byte(" #")) && !bytes.ContainsAny(key, "\t")
}
