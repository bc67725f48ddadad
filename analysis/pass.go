package analysis

import "asyncapi-ls/analysis/syntax"

// memo holds values computed once per pass and shared by rules (the plain
// data of the tree, compiled schemas, the set of references). Rules of one
// pass run one after another, so it needs no lock, and a build may itself
// use Memo.
type memo struct {
	values map[any]any
}

// Memo returns the value stored under key, building it on first use. Keys
// should be unexported types of the package that builds them.
func (p *Pass) Memo(key any, build func() any) any {
	if v, ok := p.memo.values[key]; ok {
		return v
	}
	if p.memo.values == nil {
		p.memo.values = map[any]any{}
	}
	v := build()
	p.memo.values[key] = v
	return v
}

type dataKey struct{}

type dataResult struct {
	v   any
	err error
}

// Data is the plain data of the whole document (see syntax.Node.Data),
// converted once per pass.
func (p *Pass) Data() (any, error) {
	r := p.Memo(dataKey{}, func() any {
		v, err := p.Root.Data()
		return dataResult{v, err}
	}).(dataResult)
	return r.v, r.err
}

// Deref follows local "$ref"s from n (a chain of them, cycles cut) and
// returns the value they lead to; n itself when it is not a reference, nil
// when a reference cannot be followed inside this document.
func (p *Pass) Deref(n *syntax.Node) *syntax.Node {
	n, _ = p.deref(n, nil)
	return n
}

// DerefPath is Deref for the value at path; it also returns the path of
// the value reached (path itself when no reference was followed).
func (p *Pass) DerefPath(path []string) (*syntax.Node, []string) {
	return p.deref(p.Root.Find(path...), path)
}

func (p *Pass) deref(n *syntax.Node, path []string) (*syntax.Node, []string) {
	for i := 0; i < 32; i++ {
		n = n.Resolve()
		ref := n.Get("$ref")
		if ref == nil {
			return n, path
		}
		r, err := ParseRef(ref.String())
		if err != nil || r.File != "" {
			return nil, nil
		}
		t, ok := ResolveLocal(p.Root, r.Pointer)
		if !ok {
			return nil, nil
		}
		n, path = t.Value, r.Pointer
	}
	return nil, nil
}

// canonicalCode maps an alias (another tool's name for a rule) to the code
// of the rule among opts.Rules.
func (o Options) canonicalCode(code string) string {
	for i := range o.Rules {
		for _, a := range o.Rules[i].Aliases {
			if a == code {
				return o.Rules[i].Code
			}
		}
	}
	return code
}
