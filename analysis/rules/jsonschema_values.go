package rules

import (
	"fmt"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// How the value rules get plain data: the schemas and examples they read
// are converted one by one, once per pass for every schema set, rather than
// the whole document: on a big document that is a third of it, and the
// whole would be tens of MB held while the rules run.

// pieces is the plain data of the parts of a document the value rules read,
// shared by the schema sets of one pass, which run concurrently.
type pieces struct {
	pass   *analysis.Pass
	mu     sync.Mutex
	byNode map[*syntax.Node]any
	// budget is what aliases may still expand to, over all conversions: the
	// parts together stay within what one conversion of the whole may build.
	budget int
	err    error // the budget ran out
	// regular remembers, per mapping, that its keys are plain (see plain).
	regular map[*syntax.Node]bool
}

type piecesKey struct{}

// piecesOf is the pass's converted parts.
func piecesOf(p *analysis.Pass) *pieces {
	return p.Memo(piecesKey{}, func() any {
		return &pieces{pass: p, byNode: map[*syntax.Node]any{}, budget: syntax.MaxValues, regular: map[*syntax.Node]bool{}}
	}).(*pieces)
}

// at returns the plain data at path, as in the whole document's data.
func (ps *pieces) at(path []string) (any, bool, error) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.err != nil {
		return nil, false, ps.err
	}
	n, plain := ps.nodeAt(path)
	if !plain || ps.pass.ConvertsWhole() {
		// Converted already, or merge keys or keys written as aliases on
		// the way: the whole document's data says what is there.
		whole, err := ps.pass.Data()
		if err != nil {
			return nil, false, err
		}
		v, found := lookup(whole, path)
		return v, found, nil
	}
	if n == nil {
		return nil, false, nil
	}
	if v, done := ps.byNode[n]; done {
		return v, true, nil
	}
	v, err := n.DataWithin(&ps.budget)
	if err != nil {
		ps.err = err
		return nil, false, err
	}
	ps.byNode[n] = v
	return v, true, nil
}

// nodeAt is the node whose data is the document's data at path (nil when
// there is none), and whether the tree says so alone: plain is false when
// the path crosses a mapping whose data the tree does not give key by key.
func (ps *pieces) nodeAt(path []string) (n *syntax.Node, plain bool) {
	n = ps.pass.Root
	for _, step := range path {
		if r := n.Resolve(); r != nil && r.Kind == syntax.Mapping && !ps.plain(r) {
			return nil, false
		}
		if n = n.Find(step); n == nil {
			return nil, true
		}
	}
	return n, true
}

// plain reports whether the keys of mapping n are scalars written as they
// are: no merge key ("<<") and no alias for a key, which the conversion to
// data treats apart.
func (ps *pieces) plain(n *syntax.Node) bool {
	if ok, seen := ps.regular[n]; seen {
		return ok
	}
	ok := true
	for _, p := range n.Pairs {
		if p.Key.Kind != syntax.Scalar || p.Key.Tag() == "!!merge" {
			ok = false
			break
		}
	}
	ps.regular[n] = ok
	return ok
}

// whole is the whole document's top-level mapping, for a schema whose
// references may lead anywhere in it.
func (ps *pieces) whole() (map[string]any, error) {
	v, err := ps.pass.Data()
	if err != nil {
		return nil, err
	}
	top, ok := v.(map[string]any)
	if !ok {
		return nil, errExternal
	}
	return top, nil
}

// lookup follows path in plain data.
func lookup(v any, path []string) (any, bool) {
	for _, tok := range path {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i := -1
			fmt.Sscanf(tok, "%d", &i)
			if i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// nodeHasKey reports whether a mapping at or below n, or brought in by an
// alias, has one of keys, without converting n to data.
func nodeHasKey(n *syntax.Node, keys map[string]bool) bool {
	found := false
	seen := map[*syntax.Node]bool{}
	var visit func(*syntax.Node)
	visit = func(n *syntax.Node) {
		syntax.Walk(n, func(m *syntax.Node) {
			switch {
			case found:
			case m.Kind == syntax.Mapping:
				for _, p := range m.Pairs {
					found = found || keys[p.Key.String()]
				}
			case m.Kind == syntax.Alias && m.Target() != nil && !seen[m.Target()]:
				seen[m.Target()] = true
				visit(m.Target())
			}
		})
	}
	visit(n)
	return found
}
