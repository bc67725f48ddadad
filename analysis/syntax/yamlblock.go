package syntax

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The block reader builds the tree of the YAML most API documents are made
// of (block mappings and sequences, one-line scalars and flow collections,
// literal and folded text) straight from the bytes. yaml.v3 spends most of
// the time of opening or checking a big document in its token and node
// machinery; reading this common form directly takes a fraction of that.
//
// yaml.v3 stays the reference: the reader gives up, leaving the text to it,
// at the first thing outside its form (anchors, aliases, tags, complex keys,
// multi-line plain or quoted scalars, tabs, a CR outside CR LF, several documents,
// anything that might be an error), so errors, their messages and every
// rare construct come from yaml.v3 alone. Where it does not give up, the
// tree equals the one built from yaml.v3's nodes, which the tests check on
// every document at hand and by fuzzing.

// errGiveUp stops the block reader; the caller falls back to yaml.v3.
type errGiveUp struct{}

// parseBlockYAML reads text into f when text is in the block reader's form,
// and reports whether it did; otherwise f is left untouched.
func parseBlockYAML(text []byte, f *File) (ok bool) {
	if !plainBytes(text) {
		return false
	}
	r := blockReader{text: text, src: string(text)}
	defer func() {
		if v := recover(); v != nil {
			if _, giveUp := v.(errGiveUp); !giveUp {
				panic(v)
			}
			ok = false
		}
	}()
	root := r.document()
	f.Root = root
	f.Duplicates = r.duplicates
	return true
}

// plainBytes reports whether text is valid UTF-8 made only of characters the
// block reader takes as they are: no BOM, tab, control or non-printable
// character, and no line break other than LF and CR LF.
func plainBytes(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && (c != '\r' || i+1 == len(text) || text[i+1] != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

type blockReader struct {
	text       []byte
	pos        int // the reader's place: always the start of a line between nodes
	depth      int // of block collections, bounded like yaml.v3's
	duplicates []*Node
	// src is text as one string: scalars are substrings of it, so that a
	// tree costs one copy of the text rather than a string per value.
	src string
}

func giveUp() { panic(errGiveUp{}) }

// isLineBreak reports whether c ends a line: LF, or the CR of a CR LF
// (plainBytes lets no other CR through).
func isLineBreak(c byte) bool { return c == '\n' || c == '\r' }

// nextLine is the start of the line after the one holding i.
func nextLine(text []byte, i int) int {
	i = lineEnd(text, i)
	if i < len(text) && text[i] == '\r' {
		i++
	}
	return min(i+1, len(text))
}

// maxKeyBytes keeps keys below yaml.v3's limit of 1,024 characters for a
// key written without "?".
const maxKeyBytes = 1000

// maxBlockDepth bounds the nesting the block reader follows; deeper
// documents are yaml.v3's.
const maxBlockDepth = 1000

// document reads the root: one block mapping, after an optional "---".
func (r *blockReader) document() *Node {
	if !r.skipEmpty() {
		giveUp() // an empty document: leave it to yaml.v3
	}
	if bytes.HasPrefix(r.text[r.pos:], []byte("---")) {
		end := lineEnd(r.text, r.pos)
		if strings.TrimRight(string(r.text[r.pos+3:end]), " ") != "" {
			giveUp()
		}
		r.pos = nextLine(r.text, end)
	}
	if !r.nextContent() {
		giveUp()
	}
	col := r.indent()
	if r.isItem(r.pos + col) {
		giveUp()
	}
	root := r.mapping(col, r.pos+col)
	if r.nextContent() {
		giveUp() // a line left over: less indented than the root, or "---"
	}
	return root
}

// nextContent moves past empty and comment lines to the next line with
// content; false at the end of the text. A document marker there ("---" or
// "..." at the start of a line) is yaml.v3's.
func (r *blockReader) nextContent() bool {
	if !r.skipEmpty() {
		return false
	}
	if isDocumentMarker(r.text, r.pos) {
		giveUp()
	}
	return true
}

// isDocumentMarker reports whether "---" or "..." starts the line at i as
// a marker (then a space or the line's end).
func isDocumentMarker(text []byte, i int) bool {
	rest := text[i:]
	return (bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("..."))) &&
		(len(rest) == 3 || rest[3] == ' ' || isLineBreak(rest[3]))
}

// skipEmpty moves past empty and comment lines; false at the end.
func (r *blockReader) skipEmpty() bool {
	for r.pos < len(r.text) {
		i := r.pos
		for i < len(r.text) && r.text[i] == ' ' {
			i++
		}
		if i < len(r.text) && !isLineBreak(r.text[i]) && r.text[i] != '#' {
			return true
		}
		r.pos = nextLine(r.text, i)
	}
	return false
}

// indent counts the spaces that start the line at r.pos.
func (r *blockReader) indent() int {
	i := r.pos
	for i < len(r.text) && r.text[i] == ' ' {
		i++
	}
	return i - r.pos
}

// isItem reports whether a block sequence entry ("-" then a space or the
// line end) starts at i.
func (r *blockReader) isItem(i int) bool {
	return i < len(r.text) && r.text[i] == '-' && (i+1 == len(r.text) || r.text[i+1] == ' ' || isLineBreak(r.text[i+1]))
}

// block reads the node that starts on the line at r.pos, indented by col.
func (r *blockReader) block(col int) *Node {
	if r.depth++; r.depth > maxBlockDepth {
		giveUp()
	}
	defer func() { r.depth-- }()
	at := r.pos + col
	if r.isItem(at) {
		return r.sequence(col)
	}
	return r.mapping(col, at)
}

// mapping reads a block mapping whose keys are at column col, the first at
// offset first (which may follow "- " on the line).
func (r *blockReader) mapping(col, first int) *Node {
	n := r.node(Node{Kind: Mapping, tag: tagMap, Start: first})
	var seen map[string]bool
	at := first
	for {
		key, afterColon := r.key(at)
		if key.tag == tagMerge {
			giveUp() // a merge key: yaml.v3's business
		}
		value := r.value(col, afterColon)
		if seen == nil && len(n.Pairs) >= minIndexedPairs {
			seen = make(map[string]bool, 2*len(n.Pairs))
			for _, p := range n.Pairs {
				seen[p.Key.Value] = true
			}
		}
		if seen != nil && seen[key.Value] || seen == nil && repeatsKey(n.Pairs, key.Value) {
			r.duplicates = append(r.duplicates, key)
		}
		if seen != nil {
			seen[key.Value] = true
		}
		n.Pairs = append(n.Pairs, Pair{Key: key, Value: value})
		if !r.nextContent() {
			break
		}
		ind := r.indent()
		if ind < col {
			break
		}
		if ind > col || r.isItem(r.pos+ind) {
			giveUp() // a continuation, or an entry that does not belong here
		}
		at = r.pos + ind
	}
	n.IndexKeys()
	n.End = max(collectionEnd(r.text, n, '{', '}'), n.Start)
	return n
}

// sequence reads a block sequence whose "-" are at column col.
func (r *blockReader) sequence(col int) *Node {
	n := r.node(Node{Kind: Sequence, tag: tagSeq, Start: r.pos + col})
	for {
		dash := r.pos + col
		i := dash + 1
		for i < len(r.text) && r.text[i] == ' ' {
			i++
		}
		var item *Node
		switch {
		case i >= len(r.text) || isLineBreak(r.text[i]) || r.text[i] == '#' && i > dash+1:
			r.pos = nextLine(r.text, i)
			item = r.nested(col, dash+1, false)
		case r.isItem(i):
			giveUp() // "- - x"
		case r.looksLikeKey(i):
			item = r.mapping(i-r.pos, i)
		default:
			item = r.inline(col, i)
		}
		n.Items = append(n.Items, item)
		if !r.nextContent() {
			break
		}
		ind := r.indent()
		if ind < col {
			break
		}
		if ind > col || !r.isItem(r.pos+ind) {
			if ind == col {
				break // the parent mapping's next key (a sequence at its keys' column)
			}
			giveUp()
		}
	}
	n.End = max(collectionEnd(r.text, n, '[', ']'), n.Start)
	return n
}

// nested reads the value that follows on the next lines of an entry owned
// by column col (its key or "-"), or the empty value at emptyAt when none
// does. sameColumnList allows a sequence at col itself, as under a key.
func (r *blockReader) nested(col, emptyAt int, sameColumnList bool) *Node {
	save := r.pos
	if r.nextContent() {
		ind := r.indent()
		if ind > col || ind == col && sameColumnList && r.isItem(r.pos+ind) {
			return r.block(ind)
		}
	}
	r.pos = save
	return r.node(Node{Kind: Scalar, tag: tagNull, Start: emptyAt, End: emptyAt})
}

// value reads a mapping value that starts after the ':' at i.
func (r *blockReader) value(col, i int) *Node {
	j := i
	for j < len(r.text) && r.text[j] == ' ' {
		j++
	}
	if j >= len(r.text) || isLineBreak(r.text[j]) || r.text[j] == '#' && j > i {
		r.pos = nextLine(r.text, j)
		return r.nested(col, i, true)
	}
	if j == i {
		giveUp() // "key:value" is not a key
	}
	return r.inline(col, j)
}

// inline reads a value written on the line at i, for an entry owned by
// column col, and moves to the next line.
func (r *blockReader) inline(col, i int) *Node {
	var n *Node
	end := i
	switch c := r.text[i]; c {
	case '"', '\'':
		n, end = r.quoted(i)
	case '[', '{':
		n, end = r.flow(i)
	case '|', '>':
		return r.blockScalar(col, i)
	default:
		if !plainStart(r.text, i) {
			giveUp()
		}
		end = r.plainEnd(i)
		if end < len(r.text) && r.text[end] == ':' {
			giveUp() // a mapping inside a value: yaml.v3 reports it
		}
		n = r.plainNode(i, end)
	}
	r.endLine(end)
	r.noContinuation(col)
	return n
}

// endLine checks that only spaces and a comment follow end on its line and
// moves to the next line.
func (r *blockReader) endLine(end int) {
	j := end
	for j < len(r.text) && r.text[j] == ' ' {
		j++
	}
	if j < len(r.text) && !isLineBreak(r.text[j]) && (r.text[j] != '#' || j == end) {
		giveUp()
	}
	r.pos = nextLine(r.text, j)
}

// noContinuation gives up when the next line with content is indented past
// col: a multi-line scalar, or an error.
func (r *blockReader) noContinuation(col int) {
	save := r.pos
	for r.pos < len(r.text) {
		ind := r.indent()
		i := r.pos + ind
		if i >= len(r.text) || isLineBreak(r.text[i]) {
			r.pos = nextLine(r.text, i)
			continue
		}
		if ind > col && r.text[i] != '#' {
			giveUp()
		}
		break
	}
	r.pos = save
}

// key reads a mapping key at i and returns it with the offset after its ':'.
func (r *blockReader) key(i int) (*Node, int) {
	var n *Node
	end := i
	switch c := r.text[i]; c {
	case '"', '\'':
		n, end = r.quoted(i)
	default:
		if !plainStart(r.text, i) {
			giveUp()
		}
		end = r.plainEnd(i)
		n = r.plainNode(i, end)
	}
	if end >= len(r.text) || r.text[end] != ':' || end-i > maxKeyBytes {
		giveUp()
	}
	if end+1 < len(r.text) && r.text[end+1] != ' ' && !isLineBreak(r.text[end+1]) {
		giveUp()
	}
	return n, end + 1
}

// looksLikeKey reports whether a block mapping key starts at i.
func (r *blockReader) looksLikeKey(i int) bool {
	switch r.text[i] {
	case '"', '\'':
		end := quotedEnd(r.text, i)
		return end > 0 && end < len(r.text) && r.text[end] == ':'
	}
	if !plainStart(r.text, i) {
		return false
	}
	end := r.plainEnd(i)
	return end < len(r.text) && r.text[end] == ':'
}

// plainStart reports whether a plain scalar may start at i in block context.
func plainStart(text []byte, i int) bool {
	switch text[i] {
	case '-':
		return i+1 < len(text) && text[i+1] != ' ' && !isLineBreak(text[i+1])
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// plainEnd reads a one-line plain scalar at i in block context: up to a
// ": ", a ':' at the line end, a " #" or the line end, without trailing
// spaces; it returns where the scalar ends.
func (r *blockReader) plainEnd(i int) int {
	j := i
	end := i
	for j < len(r.text) {
		c := r.text[j]
		if isLineBreak(c) || c == ':' && (j+1 == len(r.text) || r.text[j+1] == ' ' || isLineBreak(r.text[j+1])) || c == '#' && r.text[j-1] == ' ' {
			break
		}
		j++
		if c != ' ' {
			end = j
		}
	}
	if j < len(r.text) && r.text[j] == ':' && end != j {
		giveUp() // "key :" keeps a space in yaml.v3's key; leave it
	}
	return end
}

// plainNode makes the node of the plain scalar [start, end), its tag
// resolved as yaml.v3 resolves it.
func (r *blockReader) plainNode(start, end int) *Node {
	v := r.src[start:end]
	return r.node(Node{Kind: Scalar, tag: plainTag(v), Value: v, Start: start, End: end})
}

// node puts n on the heap: one allocation per node, as yaml.v3's path
// makes (blocks of nodes saved little time and kept partly empty blocks
// alive beside each small section).
func (r *blockReader) node(n Node) *Node { return &n }

// plainTag is yaml.v3's resolved tag of a plain scalar.
func plainTag(v string) tagCode {
	if v == "" {
		return tagNull
	}
	switch c := v[0]; {
	case c >= 'a' && c <= 'z' && c != 'f' && c != 'n' && c != 't',
		c >= 'A' && c <= 'Z' && c != 'F' && c != 'N' && c != 'T',
		c == '$' || c == '/' || c == '_' || c == '(' || c == '"' || c >= utf8.RuneSelf:
		return tagStr // no tag but the string one starts with these
	}
	y := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return codeOf(y.ShortTag())
}

// quotedEnd is the offset after the closing quote of the one-line quoted
// scalar at i, or -1.
func quotedEnd(text []byte, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch c := text[j]; {
		case isLineBreak(c):
			return -1
		case c == '\\' && q == '"':
			j++
		case c == q:
			if q == '\'' && j+1 < len(text) && text[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return -1
}

// quoted reads a one-line quoted scalar at i.
func (r *blockReader) quoted(i int) (*Node, int) {
	end := quotedEnd(r.text, i)
	if end < 0 {
		giveUp() // multi-line, or not closed
	}
	body := r.text[i+1 : end-1]
	var v string
	if r.text[i] == '\'' {
		v = r.src[i+1 : end-1]
		if strings.Contains(v, "''") {
			v = strings.ReplaceAll(v, "''", "'")
		}
	} else if bytes.IndexByte(body, '\\') < 0 {
		v = r.src[i+1 : end-1]
	} else {
		v = unescapeDouble(body)
	}
	return r.node(Node{Kind: Scalar, tag: tagStr, Quoted: true, Value: v, Start: i, End: end}), end
}

// unescapeDouble decodes the escapes of a double-quoted scalar; it gives up
// on one yaml.v3 might read otherwise or refuse.
func unescapeDouble(body []byte) string {
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			giveUp()
		}
		switch body[i] {
		case '0':
			b.WriteByte(0)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case ' ', '"', '\'', '\\':
			b.WriteByte(body[i])
		case 'x', 'u', 'U':
			width := 2 // \x
			switch body[i] {
			case 'u':
				width = 4
			case 'U':
				width = 8
			}
			if i+width >= len(body) {
				giveUp()
			}
			code, err := strconv.ParseUint(string(body[i+1:i+1+width]), 16, 32)
			if err != nil || code > utf8.MaxRune || code >= 0xd800 && code <= 0xdfff {
				giveUp()
			}
			b.WriteRune(rune(code))
			i += width
		default:
			giveUp()
		}
	}
	return b.String()
}

// blockScalar reads a literal (|) or folded (>) scalar whose indicator is at
// i, for an entry owned by column col, and moves past its content.
func (r *blockReader) blockScalar(col, i int) *Node {
	style := r.text[i]
	j := i + 1
	strip := false
	if j < len(r.text) && r.text[j] == '-' {
		strip = true
		j++
	}
	r.endLine(j) // an indentation indicator, "+", or anything else gives up here
	// The content: lines indented past col, the first fixing the indent.
	indent := -1
	var lines [][]byte // content lines without their indent; nil for an empty line
	atEOF := false     // the last content line ends the text: no line break to keep
	for r.pos < len(r.text) {
		ind := r.indent()
		le := lineEnd(r.text, r.pos+ind)
		if r.pos+ind == le { // a line of spaces only
			if indent < 0 && ind > 0 || indent >= 0 && ind > indent {
				giveUp() // spaces that may be content
			}
			lines = append(lines, nil)
			r.pos = nextLine(r.text, le)
			continue
		}
		if indent < 0 {
			if ind <= col {
				break
			}
			indent = ind
		}
		if ind < indent {
			break
		}
		line := r.text[r.pos+indent : le]
		atEOF = le == len(r.text)
		if style == '>' && ind > indent {
			giveUp() // more-indented lines keep their breaks: leave folding them to yaml.v3
		}
		lines = append(lines, line)
		r.pos = nextLine(r.text, le)
	}
	// Trailing empty lines are not content; step back to just after the last content line.
	k := len(lines)
	for k > 0 && lines[k-1] == nil {
		k--
	}
	if k == 0 {
		giveUp() // an empty block scalar
	}
	lines = lines[:k]
	var b strings.Builder
	for idx, line := range lines {
		switch {
		case style == '|':
			if idx > 0 {
				b.WriteByte('\n')
			}
		case line == nil:
			b.WriteByte('\n') // folded: each empty line is a break
		case idx > 0 && lines[idx-1] != nil:
			b.WriteByte(' ') // folded: a break between two lines is a space
		}
		b.Write(line)
	}
	if !strip && !atEOF {
		b.WriteByte('\n')
	}
	return r.node(Node{Kind: Scalar, tag: tagStr, Value: b.String(), Start: i, End: blockScalarEnd(r.text, i)})
}

// flow reads a one-line flow sequence or mapping at i.
func (r *blockReader) flow(i int) (*Node, int) { return r.flowNode(i, 0) }

func (r *blockReader) flowNode(i, depth int) (*Node, int) {
	if depth > 64 {
		giveUp()
	}
	open := r.text[i]
	n := r.node(Node{Kind: Sequence, tag: tagSeq, Flow: true, Start: i})
	closing := byte(']')
	if open == '{' {
		n.Kind, n.tag, closing = Mapping, tagMap, '}'
	}
	j := r.skipFlowSpace(i + 1)
	if j < len(r.text) && r.text[j] == closing {
		n.End = j + 1
		return n, j + 1
	}
	for {
		var item *Node
		item, j = r.flowItem(j, depth)
		if n.Kind == Mapping {
			j = r.skipFlowSpace(j)
			if j >= len(r.text) || r.text[j] != ':' || j+1 >= len(r.text) || r.text[j+1] != ' ' || j-item.Start > maxKeyBytes {
				giveUp() // not a key, or longer than yaml.v3 takes a key to be
			}
			var value *Node
			value, j = r.flowItem(r.skipFlowSpace(j+1), depth)
			if item.Kind != Scalar || item.tag == tagMerge {
				giveUp()
			}
			if repeatsKey(n.Pairs, item.Value) {
				r.duplicates = append(r.duplicates, item)
			}
			n.Pairs = append(n.Pairs, Pair{Key: item, Value: value})
		} else {
			if j < len(r.text) && r.text[j] == ':' {
				giveUp() // a single-pair mapping in a sequence
			}
			n.Items = append(n.Items, item)
		}
		j = r.skipFlowSpace(j)
		if j >= len(r.text) {
			giveUp()
		}
		switch r.text[j] {
		case ',':
			j = r.skipFlowSpace(j + 1)
			if j < len(r.text) && (r.text[j] == closing || r.text[j] == ',') {
				giveUp() // a trailing or empty entry
			}
		case closing:
			n.IndexKeys()
			n.End = j + 1
			return n, j + 1
		default:
			giveUp()
		}
	}
}

// skipFlowSpace skips the spaces inside a one-line flow collection.
func (r *blockReader) skipFlowSpace(j int) int {
	for j < len(r.text) && r.text[j] == ' ' {
		j++
	}
	return j
}

// flowItem reads a scalar or nested collection inside a flow collection.
func (r *blockReader) flowItem(j, depth int) (*Node, int) {
	if j >= len(r.text) {
		giveUp()
	}
	switch c := r.text[j]; c {
	case '[', '{':
		return r.flowNode(j, depth+1)
	case '"', '\'':
		return r.quoted(j)
	case '-', '?', ':', ',', ']', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', '\n', '\r':
		giveUp()
	}
	k := j
	end := j
	for k < len(r.text) {
		c := r.text[k]
		if isLineBreak(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#' && r.text[k-1] == ' ' ||
			c == ':' && k+1 < len(r.text) && r.text[k+1] == ' ' {
			break
		}
		if c == ':' || c == '?' {
			giveUp() // yaml.v3 ends or refuses a flow scalar at these
		}
		k++
		if c != ' ' {
			end = k
		}
	}
	if k < len(r.text) && (r.text[k] == '[' || r.text[k] == '{' || r.text[k] == '#') {
		giveUp()
	}
	return r.plainNode(j, end), end
}
