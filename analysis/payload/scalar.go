package payload

import (
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// ScalarPositions maps offsets in the value of a string scalar (a payload
// written as text: a .proto file) to offsets in the source. A literal block
// scalar (|) maps line by line, indentation added; for other styles, whose
// escapes and folding move text around, every offset maps to the scalar's
// start and the span to the whole scalar. (An explicit indentation
// indicator is taken from the first line, as it almost always matches.)
type ScalarPositions struct {
	node       *syntax.Node
	lineStarts []int // source offset of each value line's first character
}

// NewScalarPositions prepares the mapping of scalar n of source src.
func NewScalarPositions(src []byte, n *syntax.Node) *ScalarPositions {
	sp := &ScalarPositions{node: n}
	if n.Start >= len(src) || src[n.Start] != '|' {
		return sp
	}
	header := strings.IndexByte(string(src[n.Start:]), '\n')
	if header < 0 {
		return sp
	}
	var lines []int // source line starts after the header, up to the end
	for i := n.Start + header + 1; i < n.End && i < len(src); {
		lines = append(lines, i)
		j := strings.IndexByte(string(src[i:]), '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	indent := -1
	for _, start := range lines {
		line := src[start:]
		if k := strings.IndexByte(string(line), '\n'); k >= 0 {
			line = line[:k]
		}
		if strings.TrimSpace(string(line)) != "" {
			indent = len(line) - len(strings.TrimLeft(string(line), " "))
			break
		}
	}
	if indent < 0 {
		return sp
	}
	for _, start := range lines {
		sp.lineStarts = append(sp.lineStarts, start+indent)
	}
	return sp
}

// Span maps the value span [start, end) to the source.
func (sp *ScalarPositions) Span(value string, start, end int) (int, int) {
	if sp.lineStarts == nil {
		return sp.node.Start, sp.node.End
	}
	return sp.offset(value, start), sp.offset(value, end)
}

func (sp *ScalarPositions) offset(value string, off int) int {
	line, col := 0, off
	for i := 0; i < off && i < len(value); i++ {
		if value[i] == '\n' {
			line, col = line+1, off-i-1
		}
	}
	if line >= len(sp.lineStarts) {
		return sp.node.End
	}
	return min(sp.lineStarts[line]+col, sp.node.End)
}
