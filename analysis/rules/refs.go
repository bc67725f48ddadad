package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// reference is one "$ref" of the document.
type reference struct {
	Value  *syntax.Node // the string after "$ref:"
	Ref    analysis.Ref
	Err    error
	Parent *syntax.Node // the object holding the "$ref"
}

type refsKey struct{}

// references lists every "$ref" of the document, once per pass.
func references(p *analysis.Pass) []reference {
	return p.Memo(refsKey{}, func() any {
		var out []reference
		var walk func(n *syntax.Node)
		walk = func(n *syntax.Node) {
			if n == nil {
				return
			}
			switch n.Kind {
			case syntax.Mapping:
				for _, pair := range n.Pairs {
					if pair.Key.Value == "$ref" && pair.Value.Kind == syntax.Scalar {
						r, err := analysis.ParseRef(pair.Value.Value)
						out = append(out, reference{Value: pair.Value, Ref: r, Err: err, Parent: n})
						continue
					}
					walk(pair.Value)
				}
			case syntax.Sequence:
				for _, it := range n.Items {
					walk(it)
				}
			}
		}
		walk(p.Root)
		return out
	}).([]reference)
}

// localTargets is the set of pointers local references name, as
// "/"-joined unescaped tokens, plus every prefix (a reference to a whole
// component map uses its entries).
func localTargets(p *analysis.Pass) map[string]bool {
	return p.Memo(targetsKey{}, func() any {
		set := map[string]bool{}
		for _, r := range references(p) {
			if r.Err != nil || r.Ref.File != "" {
				continue
			}
			for i := 1; i <= len(r.Ref.Pointer); i++ {
				set[strings.Join(r.Ref.Pointer[:i], "\x00")] = true
			}
		}
		return set
	}).(map[string]bool)
}

type targetsKey struct{}
