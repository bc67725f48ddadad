package refs

import (
	"strconv"

	"asyncapi-ls/analysis/syntax"
)

// Site is one "$ref" written in a tree.
type Site struct {
	Path   []string     // path of the reference object (the mapping holding "$ref")
	Holder *syntax.Node // that mapping
	Value  *syntax.Node // the "$ref" value scalar
}

// Collect returns every string "$ref" of root in source order. Aliases are
// not entered: the referenced text is already visited where it is written.
func Collect(root *syntax.Node) []Site {
	var out []Site
	var path []string
	var walk func(n *syntax.Node)
	walk = func(n *syntax.Node) {
		if n == nil || len(path) > 512 {
			return
		}
		switch n.Kind {
		case syntax.Mapping:
			for _, p := range n.Pairs {
				if p.Key.Value == "$ref" && p.Value.Kind == syntax.Scalar && !p.Value.IsNull() {
					out = append(out, Site{Path: append([]string(nil), path...), Holder: n, Value: p.Value})
					continue
				}
				path = append(path, p.Key.Value)
				walk(p.Value)
				path = path[:len(path)-1]
			}
		case syntax.Sequence:
			for i, it := range n.Items {
				path = append(path, strconv.Itoa(i))
				walk(it)
				path = path[:len(path)-1]
			}
		}
	}
	walk(root)
	return out
}
