package convert

import (
	"bytes"

	"asyncapi-ls/analysis/syntax"
)

// style is how the author writes the document, so that new text looks like
// theirs: line breaks, indentation, where block sequences stand, quotes.
type style struct {
	json      bool
	nl        string // "\n" or "\r\n"
	step      int    // indentation of a nested mapping
	seqIndent int    // indentation of a block sequence under its key (0: "key:\n- item")
	quote     byte   // '\'' or '"' for YAML strings that need quotes
	pretty    bool   // JSON written over several lines
	// Between a key and its value, and between entries on one line:
	// ": " and ", ", or ":" and "," in compact JSON.
	colon, comma string
	// braceOwnLine: JSON that opens an object on the line after its key.
	braceOwnLine bool
}

// detectStyle reads the style of a document from its text and tree.
func detectStyle(src []byte, f *syntax.File) style {
	st := style{json: f.Format == syntax.JSON, nl: "\n", step: 2, seqIndent: 2, quote: '\'', colon: ": ", comma: ", "}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		st.nl = "\r\n"
	}
	l := layout{src}
	root := f.Root
	if root == nil || root.Kind != syntax.Mapping {
		return st
	}
	if st.json && len(root.Pairs) > 0 {
		st.pretty = bytes.IndexByte(src[root.Start:root.Pairs[0].Key.Start], '\n') >= 0
		first := root.Pairs[0]
		if between := src[first.Key.End:first.Value.Start]; !bytes.Contains(between, []byte(" ")) && !bytes.Contains(between, []byte("\n")) {
			st.colon = ":"
		}
		if len(root.Pairs) > 1 && !st.pretty && bytes.Equal(bytes.TrimSpace(src[first.Value.End:root.Pairs[1].Key.Start]), []byte(",")) && src[first.Value.End+1] != ' ' {
			st.comma = ","
		}
		for _, p := range root.Pairs {
			if p.Value.Kind == syntax.Mapping && len(p.Value.Pairs) > 0 {
				st.braceOwnLine = bytes.IndexByte(src[p.Key.End:p.Value.Start], '\n') >= 0
				break
			}
		}
	}
	// The first nested mapping tells the step; the first block sequence
	// under a key tells whether sequences are indented.
	stepFound, seqFound := false, false
	var singles, doubles int
	var visit func(n *syntax.Node, depth int)
	visit = func(n *syntax.Node, depth int) {
		if n == nil || depth > 64 {
			return
		}
		switch n.Kind {
		case syntax.Mapping:
			for _, p := range n.Pairs {
				v := p.Value
				if !stepFound && v.Kind == syntax.Mapping && len(v.Pairs) > 0 && (st.json || !v.Flow) {
					if d := l.col(v.Pairs[0].Key.Start) - l.col(p.Key.Start); d > 0 && l.atLineStart(l.lineStart(v.Pairs[0].Key.Start)) && l.onlySpacesBefore(v.Pairs[0].Key.Start) {
						st.step, stepFound = d, true
					}
				}
				if !seqFound && !st.json && v.Kind == syntax.Sequence && !v.Flow && len(v.Items) > 0 && l.onlySpacesBefore(p.Key.Start) {
					st.seqIndent, seqFound = max(0, l.col(l.dash(v.Items[0]))-l.col(p.Key.Start)), true
				}
				if p.Key.Value == "$ref" && v.Kind == syntax.Scalar && v.End > v.Start {
					switch src[v.Start] {
					case '\'':
						singles++
					case '"':
						doubles++
					}
				}
				visit(v, depth+1)
			}
		case syntax.Sequence:
			for _, it := range n.Items {
				visit(it, depth+1)
			}
		}
	}
	visit(root, 0)
	if doubles > singles {
		st.quote = '"'
	}
	return st
}

// scalarText writes a string for a new scalar (key or value).
func (st style) scalarText(s string) string {
	if st.json {
		return syntax.DoubleQuoted(s)
	}
	if syntax.PlainSafe(s) {
		return s
	}
	if st.quote == '"' {
		return syntax.DoubleQuoted(s)
	}
	return syntax.SingleQuoted(s)
}
