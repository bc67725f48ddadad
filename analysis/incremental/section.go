package incremental

import (
	"bytes"
	"maps"
	"slices"
	"unicode/utf8"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// section is one parsed chunk of text, cached by content. Its tree holds
// offsets for the position base, its own: where it was parsed, or the
// position of the newest version whose tree was built with it (see
// materialize). A version that has the chunk elsewhere reads the tree as
// it is and places what it finds by the difference (entry.delta); only a
// tree handed out for requests and rules is copied to its positions.
type section struct {
	text []byte // the chunk in the newest text that had it
	base int
	root *syntax.Node // the chunk's block mapping
	// inner holds, per pair of root, the duplicate keys inside its value in
	// parse order (those of root itself are found when assembling).
	inner [][]*syntax.Node
	// marks are the nodes a copy must map: alias targets and duplicates.
	marks               map[*syntax.Node]bool
	aliasCost           int // values Data builds through aliases, over every pair
	nodes, pairs, items int
	used                uint64
	fresh               bool // parsed ahead by prefetch, not used yet
	// sites are the "$ref"s of this tree by parent path (nodes of this copy).
	sites atPath[[]refs.Site]
	*facts
}

// facts are what a chunk's text implies, shared by the copies of its
// section. Offsets in them are relative to the chunk's start.
type facts struct {
	id         uint64               // tells sections apart across versions: one per parse
	key        key                  // the chunk's key in the cache
	structural int                  // syntax.Structural of the text
	utf8       bool                 // the text is valid UTF-8
	suppress   bool                 // the text may hold a suppression comment (analysis.HasSuppressComment)
	checks     atPath[*checked]     // schema verdicts, by version and parent path
	verdicts   atPath[*refVerdicts] // "$ref" verdicts, by parent path
}

// checked is the schema verdict on each pair of a section, at a path.
type checked struct {
	diags [][]analysis.Diagnostic // per pair, relative to the section; nil for a pair that is not separable
	sep   []bool
}

// parseSection parses one chunk. indent is the column its keys must start at.
func parseSection(text []byte, base, indent int) (*section, bool) {
	f := syntax.Parse(text, syntax.YAML)
	r := f.Root
	if len(f.Errors) > 0 || len(f.ExtraDocuments) > 0 || f.TooLarge || r == nil || r.Kind != syntax.Mapping || r.Flow || len(r.Pairs) == 0 {
		return nil, false
	}
	if column(text, r.Start) != indent {
		return nil, false
	}
	for _, p := range r.Pairs {
		// A merge key, or a "$ref" beside the keys the sections split,
		// depends on more than its own section.
		if p.Key.Kind != syntax.Scalar || p.Key.Tag() == "!!merge" || p.Key.Value == "$ref" {
			return nil, false
		}
	}
	s := &section{text: text, root: r, inner: make([][]*syntax.Node, len(r.Pairs)), marks: map[*syntax.Node]bool{},
		facts: &facts{structural: syntax.Structural(text), utf8: utf8.Valid(text), suppress: analysis.HasSuppressComment(text)}}
	top := make(map[*syntax.Node]bool, len(r.Pairs))
	for _, p := range r.Pairs {
		top[p.Key] = true
	}
	i := 0
	for _, d := range f.Duplicates {
		if top[d] {
			continue
		}
		for i+1 < len(r.Pairs) && d.Start >= r.Pairs[i+1].Key.Start {
			i++
		}
		s.inner[i] = append(s.inner[i], d)
		s.marks[d] = true
	}
	var aliases []*syntax.Node
	syntax.Walk(r, func(n *syntax.Node) {
		n.Start += base
		n.End += base
		s.nodes++
		s.pairs += len(n.Pairs)
		s.items += len(n.Items)
		if n.Kind == syntax.Alias {
			aliases = append(aliases, n)
		}
	})
	s.base = base
	for _, a := range aliases {
		if t := a.Target(); t != nil {
			s.marks[t] = true
		}
	}
	if len(aliases) > 0 {
		budget := syntax.MaxValues
		for _, p := range r.Pairs {
			aliasCost(p.Value, false, &budget, 0)
		}
		s.aliasCost = syntax.MaxValues - budget
	}
	return s, true
}

// relative is d found in s's tree, with offsets relative to the chunk.
func (s *section) relative(d analysis.Diagnostic) analysis.Diagnostic {
	d.Start -= s.base
	d.End -= s.base
	return d
}

// column is the column of offset in text (after a byte order mark).
func column(text []byte, offset int) int {
	ls := bytes.LastIndexByte(text[:offset], '\n') + 1
	if ls == 0 && bytes.HasPrefix(text, bom) {
		ls = len(bom)
	}
	return offset - ls
}

// aliasCost spends budget as syntax.Node.Data does: one unit per value
// built below an alias, merge keys included.
func aliasCost(n *syntax.Node, aliased bool, budget *int, depth int) {
	if n == nil || *budget < 0 || depth > 10_000 {
		return
	}
	if aliased {
		*budget--
	}
	switch n.Kind {
	case syntax.Alias:
		aliasCost(n.Target(), true, budget, depth+1)
	case syntax.Sequence:
		for _, it := range n.Items {
			aliasCost(it, aliased, budget, depth+1)
		}
	case syntax.Mapping:
		for _, p := range n.Pairs {
			if p.Key.Tag() != "!!merge" {
				aliasCost(p.Value, aliased, budget, depth+1)
				continue
			}
			src := p.Value
			a := aliased || (src != nil && src.Kind == syntax.Alias)
			src = src.Resolve()
			if src != nil && src.Kind == syntax.Sequence {
				for _, it := range src.Items {
					aliasCost(it, a, budget, depth+1)
				}
			} else {
				aliasCost(src, a, budget, depth+1)
			}
		}
	}
}

// moved returns the section at another base: a shifted copy of its tree
// (the original stays as it is for the documents that hold it).
func (s *section) moved(text []byte, base int) *section {
	// The copy keeps the "$ref" sites found in the original (a run reads
	// every section's): their nodes are remapped with the marked ones.
	want := s.marks
	if s.sites.full {
		want = maps.Clone(s.marks)
		s.sites.each(func(sites []refs.Site) {
			for _, st := range sites {
				want[st.Holder], want[st.Value] = true, true
			}
		})
	}
	c := &copier{
		delta: base - s.base,
		nodes: make([]syntax.Node, s.nodes),
		pairs: make([]syntax.Pair, s.pairs),
		items: make([]*syntax.Node, s.items),
		marks: want,
		remap: make(map[*syntax.Node]*syntax.Node, len(want)),
	}
	out := &section{text: text, base: base, root: c.node(s.root), inner: make([][]*syntax.Node, len(s.inner)),
		marks: make(map[*syntax.Node]bool, len(s.marks)), aliasCost: s.aliasCost,
		nodes: s.nodes, pairs: s.pairs, items: s.items, used: s.used, facts: s.facts}
	for _, a := range c.aliases {
		a.SetTarget(c.remap[a.Target()])
	}
	for i, ds := range s.inner {
		for _, d := range ds {
			out.inner[i] = append(out.inner[i], c.remap[d])
		}
	}
	for n := range s.marks {
		out.marks[c.remap[n]] = true
	}
	out.sites = s.sites.mapped(func(sites []refs.Site) []refs.Site {
		moved := make([]refs.Site, len(sites))
		for i, st := range sites {
			moved[i] = refs.Site{Path: st.Path, Holder: c.remap[st.Holder], Value: c.remap[st.Value]}
		}
		return moved
	})
	return out
}

type copier struct {
	delta   int
	nodes   []syntax.Node
	pairs   []syntax.Pair
	items   []*syntax.Node
	marks   map[*syntax.Node]bool
	remap   map[*syntax.Node]*syntax.Node
	aliases []*syntax.Node
}

func (c *copier) node(n *syntax.Node) *syntax.Node {
	m := &c.nodes[0]
	c.nodes = c.nodes[1:]
	*m = *n
	m.Start += c.delta
	m.End += c.delta
	if k := len(n.Pairs); k > 0 {
		ps := c.pairs[:k:k]
		c.pairs = c.pairs[k:]
		for i, p := range n.Pairs {
			ps[i] = syntax.Pair{Key: c.node(p.Key), Value: c.node(p.Value)}
		}
		m.Pairs = ps
	}
	if k := len(n.Items); k > 0 {
		its := c.items[:k:k]
		c.items = c.items[k:]
		for i, it := range n.Items {
			its[i] = c.node(it)
		}
		m.Items = its
	}
	if n.Kind == syntax.Alias {
		c.aliases = append(c.aliases, m)
	}
	if c.marks[n] {
		c.remap[n] = m
	}
	return m
}

// check returns the schema verdict on the section's pairs under parent,
// relative to the chunk; computed once per version and path for the text.
// ok is false when a value cannot be converted (the whole check then
// decides).
func (s *section) check(version string, parent []string) (*checked, bool) {
	if c, ok := s.checks.get(version, parent); ok {
		return c, true
	}
	c := &checked{diags: make([][]analysis.Diagnostic, len(s.root.Pairs)), sep: make([]bool, len(s.root.Pairs))}
	for i, p := range s.root.Pairs {
		path := append(slices.Clip(parent), p.Key.Value)
		if !schemas.Separable(version, path) {
			continue
		}
		data, err := p.Value.Data()
		if err != nil {
			return nil, false
		}
		problems, err := schemas.ValidateAt(version, path, data)
		if err != nil {
			return nil, false
		}
		c.sep[i] = true
		c.diags[i] = []analysis.Diagnostic{}
		if len(problems) == 0 {
			continue
		}
		root := syntax.NewMapping(p)
		for j := len(parent) - 1; j >= 0; j-- {
			root = syntax.NewMapping(syntax.Pair{Key: syntax.NewString(parent[j]), Value: root})
		}
		for _, pr := range problems {
			c.diags[i] = append(c.diags[i], s.relative(analysis.ProblemDiagnostic(root, pr)))
		}
	}
	s.checks.put(version, parent, c)
	return c, true
}

func joinPath(p []string) string {
	n := 0
	for _, t := range p {
		n += len(t) + 1
	}
	b := make([]byte, 0, n)
	for _, t := range p {
		b = append(b, t...)
		b = append(b, 0)
	}
	return string(b)
}
