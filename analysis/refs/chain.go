package refs

import "asyncapi-ls/analysis/syntax"

// Link is one reference of a chain: where it is written and what it says.
type Link struct {
	URI   string       // canonical URI of the document holding the "$ref"
	Value *syntax.Node // the "$ref" value
}

// Cycle follows the reference written at start (a "$ref" value in the
// document at uri, inside holder, the reference object) from target to
// target while every target is itself only a reference. When the chain comes
// back to holder, the references met along the way are returned, start
// first: a cycle no resolver can unfold. A chain that reaches a real value,
// breaks, or loops elsewhere gives nil.
//
// A recursive schema (a property that refers to its own schema) is not such
// a cycle: its target is a schema, not a reference.
func Cycle(load Loader, uri string, holder, start *syntax.Node) []Link {
	chain := []Link{{URI: uri, Value: start}}
	seen := map[*syntax.Node]bool{holder: true}
	base, value := uri, start
	for len(chain) <= maxHops {
		key, err := Resolve(base, value.Resolve().Value)
		if err != nil {
			return nil
		}
		t, err := Lookup(load, key)
		if err != nil {
			return nil
		}
		target := t.Value.Resolve()
		if target == holder {
			return chain
		}
		next := RefNode(target)
		if next == nil || seen[target] {
			return nil
		}
		seen[target] = true
		chain = append(chain, Link{URI: t.URI, Value: next})
		base, value = t.URI, next
	}
	return nil
}
