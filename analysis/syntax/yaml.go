package syntax

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"asyncapi-ls/analysis/source"

	"go.yaml.in/yaml/v3"
)

// parseYAML reads text with the block reader when it can, else with yaml.v3.
func parseYAML(text []byte, f *File) {
	if !parseBlockYAML(text, f) {
		parseYAMLv3(text, f)
	}
}

// parseYAMLv3 reads text with yaml.v3, turning its nodes into ours.
func parseYAMLv3(text []byte, f *File) {
	lines := source.NewMapper(text)
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if !errors.Is(err, io.EOF) {
			f.Errors = append(f.Errors, locateYAMLError(text, lines, err))
		}
		return
	}
	b := yamlBuilder{text: text, lines: lines, file: f, anchors: map[*yaml.Node]*Node{}, strings: map[string]string{}}
	if len(doc.Content) > 0 {
		f.Root = b.node(doc.Content[0])
		b.linkAliases()
	}
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				f.Errors = append(f.Errors, locateYAMLError(text, lines, err))
			}
			break
		}
		f.ExtraDocuments = append(f.ExtraDocuments, b.offset(next.Line, next.Column))
	}
}

type yamlBuilder struct {
	text    []byte
	lines   *source.Mapper
	file    *File
	anchors map[*yaml.Node]*Node
	aliases []*Node
	targets []*yaml.Node
	strings map[string]string // short scalars are interned: keys repeat a lot

	// The last offset computed: nodes come in text order, so the next one on
	// the same line continues from here. Without it a long line with many
	// values (a flow sequence of a million items) costs quadratic time.
	lastLine, lastCol, lastOff int
}

func (b *yamlBuilder) intern(s string) string {
	if len(s) > 32 {
		return s
	}
	if v, ok := b.strings[s]; ok {
		return v
	}
	b.strings[s] = s
	return s
}

// offset converts yaml's 1-based line and rune column into a byte offset.
func (b *yamlBuilder) offset(line, col int) int {
	off, i := b.lines.LineStart(line-1), 1
	if line == 1 && b.file.BOM {
		off += len(bom)
	}
	if line == b.lastLine && col >= b.lastCol && b.lastCol > 0 {
		off, i = b.lastOff, b.lastCol
	}
	for ; i < col && off < len(b.text); i++ {
		_, size := utf8.DecodeRune(b.text[off:])
		off += size
	}
	b.lastLine, b.lastCol, b.lastOff = line, col, off
	return off
}

func (b *yamlBuilder) node(y *yaml.Node) *Node {
	start := b.offset(y.Line, y.Column)
	n := &Node{Start: start}
	n.SetTag(y.ShortTag())
	if y.Anchor != "" {
		b.anchors[y] = n
	}
	switch y.Kind {
	case yaml.MappingNode:
		n.Kind = Mapping
		n.Flow = y.Style&yaml.FlowStyle != 0
		n.Start = b.ownStart(y, start)
		if len(y.Content) > 1 {
			n.Pairs = make([]Pair, 0, len(y.Content)/2)
		}
		var seen map[string]bool // for a big mapping; a small one is scanned
		if len(y.Content)/2 > minIndexedPairs {
			seen = make(map[string]bool, len(y.Content)/2)
		}
		for i := 0; i+1 < len(y.Content); i += 2 {
			p := Pair{Key: b.node(y.Content[i]), Value: b.node(y.Content[i+1])}
			if p.Key.Kind == Scalar && p.Key.tag != tagMerge {
				if seen != nil {
					if seen[p.Key.Value] {
						b.file.Duplicates = append(b.file.Duplicates, p.Key)
					}
					seen[p.Key.Value] = true
				} else if repeatsKey(n.Pairs, p.Key.Value) {
					b.file.Duplicates = append(b.file.Duplicates, p.Key)
				}
			}
			n.Pairs = append(n.Pairs, p)
		}
		n.IndexKeys()
		n.End = max(collectionEnd(b.text, n, '{', '}'), n.Start)
	case yaml.SequenceNode:
		n.Kind = Sequence
		n.Flow = y.Style&yaml.FlowStyle != 0
		n.Start = b.ownStart(y, start)
		if len(y.Content) > 0 {
			n.Items = make([]*Node, 0, len(y.Content))
		}
		for _, c := range y.Content {
			n.Items = append(n.Items, b.node(c))
		}
		n.End = max(collectionEnd(b.text, n, '[', ']'), n.Start)
	case yaml.AliasNode:
		n.Kind = Alias
		n.Value = y.Value
		n.End = min(start+1+len(y.Value), len(b.text))
		b.aliases = append(b.aliases, n)
		b.targets = append(b.targets, y.Alias)
	default:
		n.Kind = Scalar
		n.Value = b.intern(y.Value)
		n.Quoted = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
		n.Start = skipProperties(b.text, start)
		if n.tag == tagNull && y.Value == "" {
			n.Start, n.End = start, start
		} else {
			n.End = scalarEnd(b.text, n.Start, y)
		}
	}
	return n
}

// repeatsKey reports whether one of pairs has the scalar key, as a
// duplicate-key check counts keys (merge keys aside).
func repeatsKey(pairs []Pair, key string) bool {
	for _, q := range pairs {
		if q.Key.Kind == Scalar && q.Key.tag != tagMerge && q.Key.Value == key {
			return true
		}
	}
	return false
}

func (b *yamlBuilder) linkAliases() {
	for i, a := range b.aliases {
		a.SetTarget(b.anchors[b.targets[i]])
	}
}

// collectionEnd is the end of the last child for a block collection, and the
// closing bracket for a flow one.
func collectionEnd(text []byte, n *Node, open, close byte) int {
	end := n.Start
	if k := len(n.Pairs); k > 0 {
		end = max(n.Pairs[k-1].Value.End, n.Pairs[k-1].Key.End)
	}
	if k := len(n.Items); k > 0 {
		end = n.Items[k-1].End
	}
	if !n.Flow {
		return end
	}
	if end == n.Start && end < len(text) && text[end] == open {
		end++
	}
	depth := 0
	for i := end; i < len(text); i++ {
		switch text[i] {
		case '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case open:
			depth++
		case close:
			if depth == 0 {
				return i + 1
			}
			depth--
		}
	}
	return end
}

// ownStart is where a collection starts: past its own anchor and tag, but
// not past those of its first key, which yaml reports at the same place.
func (b *yamlBuilder) ownStart(y *yaml.Node, start int) int {
	if y.Anchor == "" && y.Style&yaml.TaggedStyle == 0 {
		return start
	}
	return skipProperties(b.text, start)
}

// skipProperties moves past an anchor (&a) and a tag (!t) before a value.
func skipProperties(text []byte, i int) int {
	for i < len(text) && (text[i] == '&' || text[i] == '!') {
		for i < len(text) && !isSpace(text[i]) {
			i++
		}
		for i < len(text) && isSpace(text[i]) {
			i++
		}
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scalarEnd computes where a scalar's text ends, since yaml nodes carry only a
// start: quoted scalars end at the closing quote, block scalars at their last
// content line, plain scalars where their (folded) value is used up.
func scalarEnd(text []byte, start int, y *yaml.Node) int {
	switch {
	case y.Style&yaml.DoubleQuotedStyle != 0:
		for i := start + 1; i < len(text); i++ {
			switch text[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(text)
	case y.Style&yaml.SingleQuotedStyle != 0:
		for i := start + 1; i < len(text); i++ {
			if text[i] == '\'' {
				if i+1 < len(text) && text[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(text)
	case y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return blockScalarEnd(text, start)
	}
	return plainEnd(text, start, y.Value)
}

func plainEnd(text []byte, start int, value string) int {
	i := start
	for j := 0; j < len(value); j++ {
		c := value[j]
		if c == ' ' || c == '\n' {
			if i < len(text) && text[i] == c && c == ' ' {
				k := i
				for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
					k++
				}
				if k == len(text) || text[k] != '\n' && text[k] != '\r' {
					i++
					continue
				}
				// Spaces ending a line, then its break: one fold.
			}
			for i < len(text) && isSpace(text[i]) {
				i++
			}
			continue
		}
		if i >= len(text) || text[i] != c {
			return lineEnd(text, start) // a form we do not mirror: stop at the line end
		}
		i++
	}
	return i
}

func lineEnd(text []byte, i int) int {
	for i < len(text) && text[i] != '\n' && text[i] != '\r' {
		i++
	}
	return i
}

// blockScalarEnd ends a | or > scalar at its last non-empty content line.
// Content is indented deeper than the line of the indicator: a line that is
// not ends even an empty scalar.
func blockScalarEnd(text []byte, start int) int {
	i := lineEnd(text, start)
	end := i
	indent := -1
	ls := start
	for ls > 0 && text[ls-1] != '\n' {
		ls--
	}
	outer := 0
	for ls+outer < len(text) && text[ls+outer] == ' ' {
		outer++
	}
	for i < len(text) {
		// step over the line break
		if text[i] == '\r' {
			i++
		}
		if i < len(text) && text[i] == '\n' {
			i++
		}
		lineStart := i
		for i < len(text) && text[i] == ' ' {
			i++
		}
		le := lineEnd(text, i)
		if le == i { // blank line: part of the scalar only if content follows
			i = le
			if i >= len(text) {
				break
			}
			continue
		}
		if indent < 0 {
			if i-lineStart <= outer {
				break
			}
			indent = i - lineStart
		}
		if i-lineStart < indent || indent == 0 {
			break
		}
		end = le
		i = le
	}
	return end
}
