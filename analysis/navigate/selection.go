package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// Span is a byte span [Start, End).
type Span struct{ Start, End int }

// SelectionRanges returns, for offset, the spans an editor's "expand
// selection" steps through, innermost first: the key or scalar, the whole
// entry (key and value), the enclosing collection, its entry, and so on up
// to the document.
func SelectionRanges(doc *analysis.Document, offset int) []Span {
	root := doc.Root()
	if root == nil {
		return []Span{{offset, offset}}
	}
	var outer []Span // outermost first
	push := func(s Span) {
		if s.End < s.Start {
			return
		}
		if k := len(outer); k > 0 && outer[k-1] == s {
			return
		}
		outer = append(outer, s)
	}
	push(Span{0, len(doc.Text)})
	n := root
	for depth := 0; n != nil && depth < 512; depth++ {
		push(Span{n.Start, n.End})
		var next *syntax.Node
		switch n.Kind {
		case syntax.Mapping:
			for _, p := range n.Pairs {
				if p.Key.Contains(offset) {
					push(Span{p.Key.Start, max(p.Key.End, p.Value.End)})
					push(Span{p.Key.Start, p.Key.End})
					next = nil
					break
				}
				if p.Value.Contains(offset) && (p.Value.End > p.Value.Start || offset == p.Value.Start) {
					push(Span{p.Key.Start, max(p.Key.End, p.Value.End)})
					next = p.Value
					break
				}
			}
		case syntax.Sequence:
			for _, it := range n.Items {
				if it.Contains(offset) {
					next = it
					break
				}
			}
		}
		n = next
	}
	out := make([]Span, 0, len(outer))
	for i := len(outer) - 1; i >= 0; i-- {
		// Each range must contain the one inside it.
		if len(out) > 0 && (outer[i].Start > out[len(out)-1].Start || outer[i].End < out[len(out)-1].End) {
			continue
		}
		out = append(out, outer[i])
	}
	return out
}
