package rules

import (
	"strconv"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func itoa(i int) string { return strconv.Itoa(i) }

func quote(s string) string { return strconv.Quote(s) }

// at builds a finding on the text of n: a scalar or flow collection as a
// whole; a block collection by its first key, so that a finding never
// underlines half the file.
func at(n *syntax.Node, msg string) analysis.Diagnostic {
	start, end := spanOf(n)
	return analysis.Diagnostic{Start: start, End: end, Message: msg}
}

func spanOf(n *syntax.Node) (int, int) {
	if n == nil {
		return 0, 0
	}
	r := n.Resolve()
	if r != nil && r.Kind == syntax.Mapping && !r.Flow && len(r.Pairs) > 0 {
		return r.Pairs[0].Key.Start, r.Pairs[0].Key.End
	}
	if r != nil && r.Kind == syntax.Sequence && !r.Flow && len(r.Items) > 0 {
		return spanOf(r.Items[0])
	}
	return n.Start, n.End
}

// keyOf returns the pair of key in n, for findings on a key.
func keyAt(n *syntax.Node, key, msg string) analysis.Diagnostic {
	if pair := n.Entry(key); pair != nil {
		return analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End, Message: msg}
	}
	return at(n, msg)
}

// rootKey builds a finding on a root key, or on "asyncapi" when it is absent.
func rootKey(p *analysis.Pass, key, msg string) analysis.Diagnostic {
	if pair := p.Root.Entry(key); pair != nil {
		return analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End, Message: msg}
	}
	return keyAt(p.Root, "asyncapi", msg)
}

// str returns the scalar text under key of n.
func str(n *syntax.Node, key string) string { return n.Get(key).String() }

// isMapping reports whether n (aliases followed) is a mapping.
func isMapping(n *syntax.Node) bool { r := n.Resolve(); return r != nil && r.Kind == syntax.Mapping }

// seq returns the items of a sequence, or nil.
func seq(n *syntax.Node) []*syntax.Node {
	if r := n.Resolve(); r != nil && r.Kind == syntax.Sequence {
		return r.Items
	}
	return nil
}
