package model

import (
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// ResolvedData converts the value n, written at at, to plain data (as
// syntax.Node.Data does) with every "$ref" replaced by what it leads to,
// across files through load: the document as a resolving parser sees it. A
// reference met again inside its own expansion (a recursive schema) stays
// {"$ref": "<normalised key>"}; one that leads nowhere stays as written.
// The values built are bounded by syntax.MaxValues (else ErrTooLarge).
func ResolvedData(load refs.Loader, at Location, n *syntax.Node) (any, error) {
	return resolvedData(load, at, n, syntax.MaxValues)
}

func resolvedData(load refs.Loader, at Location, n *syntax.Node, budget int) (any, error) {
	r := resolver{load: load, budget: budget, open: map[string]bool{}, openValues: map[*syntax.Node]bool{}}
	return r.value(at.URI, n, 0)
}

type resolver struct {
	load   refs.Loader
	budget int
	// open holds the places being expanded through references, and the
	// values there: one met again inside its own expansion is a cycle.
	// Places find it when the loader parses afresh on every call; values
	// find it when a relative "$ref" leads back to its own file by an ever
	// longer path, which would otherwise expand until the budget runs out,
	// its addresses growing at every step.
	open       map[string]bool
	openValues map[*syntax.Node]bool
}

func (r *resolver) value(base string, n *syntax.Node, depth int) (any, error) {
	n = n.Resolve()
	if r.budget--; r.budget < 0 || depth > 10_000 {
		return nil, syntax.ErrTooLarge
	}
	if n == nil {
		return nil, nil
	}
	switch n.Kind {
	case syntax.Sequence:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			v, err := r.value(base, it, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case syntax.Mapping:
		if refNode := refs.RefNode(n); refNode != nil {
			return r.reference(base, n, refNode, depth)
		}
		out := make(map[string]any, len(n.Pairs))
		for _, p := range n.Pairs {
			if p.Key.Tag() == "!!merge" {
				continue // merge keys: see below
			}
			v, err := r.value(base, p.Value, depth+1)
			if err != nil {
				return nil, err
			}
			out[p.Key.Value] = v
		}
		if err := r.merge(base, n, out, depth); err != nil {
			return nil, err
		}
		return out, nil
	}
	return n.Data()
}

// reference expands a reference object.
func (r *resolver) reference(base string, n, refNode *syntax.Node, depth int) (any, error) {
	target, loc, ref := Follow(r.load, Location{URI: base}, n)
	if ref.Err != nil {
		return map[string]any{"$ref": refNode.Resolve().Value}, nil
	}
	at := loc.String()
	if r.open[at] || r.openValues[target] {
		return map[string]any{"$ref": at}, nil
	}
	r.open[at], r.openValues[target] = true, true
	defer delete(r.open, at)
	defer delete(r.openValues, target)
	return r.value(loc.URI, target, depth+1)
}

// merge applies YAML merge keys (<<): entries already present win.
func (r *resolver) merge(base string, n *syntax.Node, out map[string]any, depth int) error {
	for _, p := range n.Pairs {
		if p.Key.Tag() != "!!merge" {
			continue
		}
		src := p.Value.Resolve()
		sources := []*syntax.Node{src}
		if src != nil && src.Kind == syntax.Sequence {
			sources = src.Items
		}
		for _, s := range sources {
			v, err := r.value(base, s, depth+1)
			if err != nil {
				return err
			}
			m, _ := v.(map[string]any)
			for k, val := range m {
				if _, ok := out[k]; !ok {
					out[k] = val
				}
			}
		}
	}
	return nil
}
