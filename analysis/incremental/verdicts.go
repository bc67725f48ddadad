package incremental

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// The reference check of a version asks, for each "$ref", whether its
// target exists and fits. The answer for a "$ref" inside this document
// depends on its own text and on the entries its pointer passes at the
// split levels (components → messages → a message), whose sections are
// compared between versions: a verdict is kept until an edit changes an
// entry it passed (or the keys of a mapping where its target was missing).
// References to other files, through other references, or to a target
// that is itself a reference are checked on every version.

// refVerdicts are the verdicts on the "$ref"s of a section's text under
// one parent path, in the order refs.Collect lists them.
type refVerdicts struct {
	results   []verdict
	validated uint64 // the run that last confirmed them
}

type verdict struct {
	computed bool
	found    bool                 // CheckReference reported diag
	diag     *analysis.Diagnostic // relative to the section; nil unless found (most are not: kept small)
	file     bool                 // the "$ref" names another file: what it brings in is checked too
	related  bool                 // diag points at other places of this document (a cycle)
	volatile bool                 // depends on more than this document's entries: checked each run
	deps     []depID
}

// dep is an entry a verdict read: the entries with key in the split
// mapping at path (its keys joined with NUL), or with any, the set of its
// keys (a target missing there).
type dep struct {
	path, key string
	any       bool
}

// changes are the deps an edit touched: entries whose sections differ from
// the previous version's, and mappings whose keys differ; all when there
// is no previous version to compare with.
type changes struct {
	all  bool
	deps []dep
	ids  []depID // the deps some verdict has (see depTable)
}

func (c *changes) hits(deps []depID) bool {
	for _, d := range deps {
		if slices.Contains(c.ids, d) {
			return true
		}
	}
	return false
}

// depID numbers a dep in a depTable: a verdict's deps are a few numbers
// rather than a few pairs of strings, tens of thousands of times over.
type depID uint32

// depTable numbers the deps of a State's verdicts. It is shared by the
// checks running on every core.
type depTable struct {
	mu  sync.RWMutex
	ids map[dep]depID
}

// id is the number of d, given now if d has none.
func (t *depTable) id(d dep) depID {
	t.mu.RLock()
	id, ok := t.ids[d]
	t.mu.RUnlock()
	if ok {
		return id
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if id, ok = t.ids[d]; !ok {
		if t.ids == nil {
			t.ids = map[dep]depID{}
		}
		id = depID(len(t.ids))
		t.ids[d] = id
	}
	return id
}

// known lists the numbers of those of ds that have one: a dep no verdict
// has concerns none.
func (t *depTable) known(ds []dep) []depID {
	t.mu.RLock()
	defer t.mu.RUnlock()
	var out []depID
	for _, d := range ds {
		if id, ok := t.ids[d]; ok {
			out = append(out, id)
		}
	}
	return out
}

// changes compares a with the version assembled before it.
func (s *State) changes(a *assembled) *changes {
	prior := a.prior
	a.prior = nil // a chain of versions would keep them all
	if prior == nil {
		return &changes{all: true}
	}
	c := &changes{}
	diffEntries(prior.entries, a.entries, "", c)
	c.ids = s.deps.known(c.deps)
	return c
}

// diffEntries notes what differs between the entries of one mapping in two
// versions.
func diffEntries(old, cur []entry, path string, c *changes) {
	if len(old) == len(cur) && slices.EqualFunc(old, cur, func(o, n entry) bool { return o.pair.Key.Value == n.pair.Key.Value }) {
		for i := range cur {
			o, n := &old[i], &cur[i]
			k := n.pair.Key.Value
			switch {
			case o.kids != nil && n.kids != nil:
				diffEntries(o.kids, n.kids, path+"\x00"+k, c)
			case !sameEntry(o, n):
				c.deps = append(c.deps, dep{path: path, key: k})
			}
		}
		return
	}
	c.deps = append(c.deps, dep{path: path, any: true})
	byKey := func(es []entry) map[string][]*entry {
		m := make(map[string][]*entry, len(es))
		for i := range es {
			m[es[i].pair.Key.Value] = append(m[es[i].pair.Key.Value], &es[i])
		}
		return m
	}
	was, now := byKey(old), byKey(cur)
	for k, n := range now {
		if o := was[k]; len(o) != len(n) || !slices.EqualFunc(o, n, sameEntry) {
			c.deps = append(c.deps, dep{path: path, key: k})
		}
	}
	for k := range was {
		if now[k] == nil {
			c.deps = append(c.deps, dep{path: path, key: k})
		}
	}
}

// sameEntry: the same pair of the same text, or two split mappings (whose
// entries are compared themselves). A pair of another section is the same
// when its text is, in sections without aliases (whose values may come
// from a sibling pair): an edit in a group of entries changes one of them.
func sameEntry(o, n *entry) bool {
	if o.kids != nil || n.kids != nil {
		return false
	}
	if o.sec.id == n.sec.id {
		return o.idx == n.idx
	}
	return len(o.sec.marks) == 0 && len(n.sec.marks) == 0 && bytes.Equal(o.sec.pairText(o.idx), n.sec.pairText(n.idx))
}

// pairText is the text of the section's pair i, from its key to the end of
// its value.
func (s *section) pairText(i int) []byte {
	p := s.root.Pairs[i]
	return s.text[p.Key.Start-s.base : max(p.Key.End, p.Value.End)-s.base]
}

// refSites are the "$ref"s of this copy's tree, their paths under parent.
func (s *section) refSites(parent []string) []refs.Site {
	if sites, ok := s.sites.get("", parent); ok {
		return sites
	}
	sites := refs.Collect(s.root)
	for i := range sites {
		sites[i].Path = append(slices.Clip(parent), sites[i].Path...)
	}
	s.sites.put("", parent, sites)
	return sites
}

// refVerdicts returns the verdicts on sec's sites in a, computing those the
// edit may have changed.
func (s *State) refVerdicts(p *analysis.Pass, a *assembled, sec *section, parent []string, sites []refs.Site, ch *changes) *refVerdicts {
	v, _ := sec.verdicts.get("", parent)
	if v != nil && v.validated == s.gen && len(v.results) == len(sites) {
		return v // computed in this run (refVerdictsAll)
	}
	if v == nil || len(v.results) != len(sites) {
		v = &refVerdicts{results: make([]verdict, len(sites))}
		sec.verdicts.put("", parent, v)
	}
	stale := ch.all || v.validated+1 != s.gen
	for i, site := range sites {
		r := &v.results[i]
		if r.computed && !stale && !r.volatile && !ch.hits(r.deps) {
			s.stats.Reused++
			continue
		}
		s.stats.Checked++
		*r = verdictOn(p, a, sec, site)
	}
	v.validated = s.gen
	return v
}

// verdictOn checks the "$ref" site of sec in a. It reads the pass, the
// assembled version and the section, and writes nothing.
func verdictOn(p *analysis.Pass, a *assembled, sec *section, site refs.Site) verdict {
	diag, found := analysis.CheckReference(p, site)
	r := verdict{computed: true, found: found, file: !strings.HasPrefix(site.Value.Value, "#")}
	if found {
		d := sec.relative(diag)
		r.diag = &d
	}
	r.related = found && slices.ContainsFunc(diag.Related, func(x analysis.Related) bool { return x.URI == "" })
	r.deps, r.volatile = a.refDeps(p, site)
	return r
}

// refVerdictsAll computes, on every core, the verdicts of a version that
// has no previous one to compare with (after an open, every section's);
// references then finds them. After an edit few verdicts change, and the
// walk computes those itself. A section is done by one goroutine at each
// of its parent paths, since its caches are its own.
func (s *State) refVerdictsAll(p *analysis.Pass, a *assembled, ch *changes) {
	if !ch.all {
		return
	}
	var work bySection
	a.leaves(func(e *entry, parent []string) bool {
		work.add(e.sec, parent)
		return true
	})
	if len(work.tasks) < minParallelChecks {
		return
	}
	checked := make([]int, len(work.tasks))
	onEveryCore(len(work.tasks), func(i int) {
		sec := work.tasks[i].sec
		for _, parent := range work.tasks[i].paths {
			sites := sec.refSites(parent)
			v := &refVerdicts{results: make([]verdict, len(sites)), validated: s.gen}
			for j, site := range sites {
				if p.Cancelled() {
					return // nothing half done is kept
				}
				v.results[j] = verdictOn(p, a, sec, site)
			}
			sec.verdicts.put("", parent, v)
			checked[i] += len(sites)
		}
	})
	for _, n := range checked {
		s.stats.Checked += n
	}
}

// refDeps are the entries the verdict on site depends on: those its
// pointer passes, and those of each further pointer when its target is a
// reference itself (the cycle check follows the chain). volatile when it
// depends on more: another file, a pointer through another reference, a
// chain longer than the lookups follow.
func (a *assembled) refDeps(p *analysis.Pass, site refs.Site) ([]depID, bool) {
	self := refs.CanonicalURI(p.Doc.URI)
	key, err := refs.Resolve(p.Doc.URI, site.Value.Value)
	if err != nil {
		return nil, false // the value alone decides
	}
	var deps []depID
	seen := map[*syntax.Node]bool{}
	for range maxChain {
		if key.URI != self {
			return nil, true
		}
		deps = a.pointerDeps(key.Tokens, deps)
		t, err := refs.Lookup(p.LoadRoot, key)
		var missing *refs.MissingError
		switch {
		case errors.As(err, &missing):
			return deps, missing.URI != key.URI || !slices.Equal(missing.Tokens, key.Tokens)
		case err != nil:
			return deps, true
		case t.URI != key.URI || !slices.Equal(t.Tokens, key.Tokens):
			return deps, true
		}
		target := t.Value.Resolve()
		next := refs.RefNode(target)
		if next == nil || seen[target] {
			return deps, false
		}
		seen[target] = true
		if key, err = refs.Resolve(t.URI, next.Resolve().Value); err != nil {
			return deps, false // the chain ends here, whatever the entries
		}
	}
	return deps, true
}

// maxChain is the longest chain of references whose entries refDeps
// records; a longer one is checked on every run.
const maxChain = 16

// pointerDeps appends to deps the entries a pointer of this document passes
// at the split levels.
func (a *assembled) pointerDeps(tokens []string, deps []depID) []depID {
	m, es, path := a.root, a.entries, ""
	for _, tok := range tokens {
		e := lastEntry(m, es, tok)
		if e == nil {
			return append(deps, a.deps.id(dep{path: path, any: true}))
		}
		deps = append(deps, a.deps.id(dep{path: path, key: tok}))
		if e.kids == nil {
			return deps
		}
		m, es, path = e.pair.Value, e.kids, path+"\x00"+tok
	}
	return deps
}
