package analysis

import (
	"sync"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// memo holds values computed once per pass and shared by rules (the plain
// data of the tree, compiled schemas, the set of references). Rules of one
// pass run in parallel, so each value is built once under its own
// sync.Once, and a build may itself use Memo for other keys.
type memo struct {
	mu     sync.Mutex
	values map[any]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}

// Memo returns the value stored under key, building it once on first use;
// rules run concurrently, so a value is shared, never built twice. Keys
// should be unexported types of the package that builds them.
func (p *Pass) Memo(key any, build func() any) any {
	p.memo.mu.Lock()
	if p.memo.values == nil {
		p.memo.values = map[any]*memoEntry{}
	}
	e := p.memo.values[key]
	if e == nil {
		e = &memoEntry{}
		p.memo.values[key] = e
	}
	p.memo.mu.Unlock()
	e.once.Do(func() { e.v = build() })
	return e.v
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
	return p.deref(p.Find(path...), path)
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
		n, path = p.Find(r.Pointer...), r.Pointer
		if n == nil {
			return nil, nil
		}
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

// Entry is n.Entry: big mappings carry a key index from the parser, so
// rules may look names up in maps of thousands of channels many times over.
func (p *Pass) Entry(n *syntax.Node, key string) *syntax.Pair { return n.Entry(key) }

// Find is Root.Find through the index.
func (p *Pass) Find(path ...string) *syntax.Node {
	n := p.Root
	for _, tok := range path {
		r := n.Resolve()
		if r == nil {
			return nil
		}
		if r.Kind == syntax.Mapping {
			pair := p.Entry(r, tok)
			if pair == nil {
				return nil
			}
			n = pair.Value
			continue
		}
		n = r.Find(tok)
		if n == nil {
			return nil
		}
	}
	return n
}

// Loader reads the documents references reach, each once per pass: this
// document's tree for its own URI, the Resolver for the others. It is the
// loader Follow uses, safe for concurrent use by rules.
func (p *Pass) Loader() refs.Loader {
	return p.Memo(loaderKey{}, func() any { return &lockedLoader{l: newRunLoader(p)} }).(*lockedLoader).load
}

// DocumentAt is the document a pass has read at a canonical URI (this one or
// one Loader loaded), or nil.
func (p *Pass) DocumentAt(uri string) *Document {
	if uri == refs.CanonicalURI(p.Doc.URI) {
		return p.Doc
	}
	if p.Options.Resolver == nil {
		return nil
	}
	d, err := p.Options.Resolver.Load(uri)
	if err != nil {
		return nil
	}
	return d
}
