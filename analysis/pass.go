package analysis

import (
	"context"
	"sync"

	"asyncapi-ls/analysis/model"
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

// ConvertsWhole reports whether the pass converts the whole document to
// data anyway: a whole analysis does, for the structure check. A reader of
// parts of the data then reads them there rather than converting them again.
func (p *Pass) ConvertsWhole() bool { return p.Options.Checks == nil && p.Version != "" }

// NewPass is a pass over root, a tree of d's text that the caller built
// itself (analysis/incremental assembles one from cached sections, whose
// offsets it places afterwards), for the checks it calls one by one:
// CheckReference, ResolvedReferences. version is the supported "asyncapi"
// version, "" when unsupported.
func NewPass(ctx context.Context, d *Document, root *syntax.Node, version string, opts Options) *Pass {
	return &Pass{Doc: d, Root: root, Version: version, Options: opts, ctx: ctx}
}

// Context is the run's context: done when the run's result is no longer
// wanted (see AnalyzeContext).
func (p *Pass) Context() context.Context {
	if p.ctx == nil {
		return context.Background()
	}
	return p.ctx
}

// Cancelled reports whether the run was cancelled. Long checks and rules
// ask it between items and return what they have: the result is dropped.
// It is also where a run gives way to requests (Options.Yield).
func (p *Pass) Cancelled() bool {
	p.yield()
	return p.ctx != nil && p.ctx.Err() != nil
}

// yield gives way to the caller's requests (Options.Yield).
func (p *Pass) yield() {
	if p.Options.Yield != nil {
		p.Options.Yield()
	}
}

// Load returns the document at uri as this run sees it: the pass's own
// document for its URI, every other one through Options.Resolver (the
// request's snapshot, which reads each file once and keeps it). Without a
// resolver only the document itself can be read.
func (p *Pass) Load(uri string) (*Document, error) {
	u := refs.CanonicalURI(uri)
	if u == p.self() {
		return p.Doc, nil
	}
	if p.Options.Resolver == nil {
		return nil, errNoResolver
	}
	return p.Options.Resolver.Load(u)
}

// LoadRoot is Load as a refs.Loader: the parsed root of the document.
func (p *Pass) LoadRoot(uri string) (*syntax.Node, error) {
	d, err := p.Load(uri)
	if err != nil {
		return nil, err
	}
	if d == p.Doc {
		return p.Root, nil
	}
	return d.Root(), nil
}

// self is the canonical URI of the pass's document.
func (p *Pass) self() string {
	p.selfOnce.Do(func() { p.selfURI = refs.CanonicalURI(p.Doc.URI) })
	return p.selfURI
}

// Model is the API model of the document (see analysis/model), its
// references followed through Load. It is built from the tree the pass
// reads, the one the incremental state handed over when it did, and
// shared with the requests that see the other files unchanged.
func (p *Pass) Model() *model.Model { return p.Doc.Model(p.LoadRoot) }

type refsKey struct{}

// Refs is every "$ref" written in the document (refs.Collect), found once
// per pass for the reference checks and the rules.
func (p *Pass) Refs() []refs.Site {
	return p.Memo(refsKey{}, func() any { return refs.Collect(p.Root) }).([]refs.Site)
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
		r, err := refs.Parse(ref.String())
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

// Loader is LoadRoot as a refs.Loader (the rulesets' resolved view reads
// through it): safe for concurrent use by rules, as the snapshot is.
func (p *Pass) Loader() refs.Loader { return p.LoadRoot }

// DocumentAt is Load for callers that only need the document: nil when it
// cannot be read.
func (p *Pass) DocumentAt(uri string) *Document {
	d, err := p.Load(uri)
	if err != nil {
		return nil
	}
	return d
}
