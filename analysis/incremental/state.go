package incremental

import (
	"bytes"
	"context"
	"hash/maphash"
	"slices"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// State is the incremental analysis of one open document: the sections of
// its recent versions. Analyze may be called from any goroutine; calls
// for one State run one at a time.
type State struct {
	mu    sync.Mutex
	seed  maphash.Seed
	cache map[key]*section
	gen   uint64
	lines []line
	stats Stats
}

// Stats count what the runs of a State did, for tests and logs.
type Stats struct {
	Runs, Whole         int // analyses, and those that took the whole path
	Parsed, Moved, Kept int // sections parsed, copied to a new position, reused as they were
}

type key struct {
	hash uint64
	size int
}

// New returns an empty State.
func New() *State {
	return &State{seed: maphash.MakeSeed(), cache: map[key]*section{}}
}

// Stats returns the counters so far.
func (s *State) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// Analyze returns the diagnostics of d, the same as analysis.Analyze(d,
// opts), reusing what earlier calls computed for the unchanged sections. It
// also hands d its parse (see analysis.Document.Provide) when d was not
// parsed yet.
func (s *State) Analyze(d *analysis.Document, opts analysis.Options) []analysis.Diagnostic {
	return s.AnalyzeContext(context.Background(), d, opts)
}

// AnalyzeContext is Analyze for a run that ctx may cancel (see
// analysis.AnalyzeContext).
func (s *State) AnalyzeContext(ctx context.Context, d *analysis.Document, opts analysis.Options) []analysis.Diagnostic {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.Runs++
	a, ok := s.assemble(d)
	if !ok {
		s.stats.Whole++
		return analysis.AnalyzeContext(ctx, d, opts)
	}
	d.Provide(a.file)
	if d.Root() == a.file.Root || sameShape(d.Root(), a.file.Root) {
		if diags, ok := s.structure(a); ok {
			opts.Structure = func(*analysis.Pass) []analysis.Diagnostic { return diags }
		}
	}
	return analysis.AnalyzeContext(ctx, d, opts)
}

// sameShape is a cheap guard for a document parsed before Analyze got to
// it: the sections' diagnostics hold for its tree when the trees agree.
func sameShape(a, b *syntax.Node) bool {
	return a != nil && b != nil && a.Kind == b.Kind && a.Start == b.Start && a.End == b.End && len(a.Pairs) == len(b.Pairs)
}

// entry is one pair of an assembled mapping: from a section (sec, idx), or
// split into the entries of its value (kids).
type entry struct {
	pair syntax.Pair
	sec  *section
	idx  int
	kids []entry
}

type assembled struct {
	file    *syntax.File
	entries []entry
	cost    int  // alias budget spent, over all sections
	nodes   int  // nodes of the tree below its root, counted while assembling
	failed  bool // a section does not parse on its own
}

// assemble parses the changed sections and builds the whole tree; false
// sends the document the whole way.
func (s *State) assemble(d *analysis.Document) (*assembled, bool) {
	if d.Format() != syntax.YAML {
		return nil, false
	}
	return s.assembleText(d.Text, 0)
}

// assembleText is assemble for a YAML text; coarse > 0 joins neighbouring
// sections up to that many bytes (see coarsen).
func (s *State) assembleText(text []byte, coarse int) (*assembled, bool) {
	if !syntax.WithinLimits(text) || len(text) == 0 {
		return nil, false
	}
	s.gen++
	s.lines = scanLines(text, s.lines)
	top, ok := plan(text, s.lines)
	if !ok {
		return nil, false
	}
	minParallel := minPrefetch
	if coarse > 0 {
		top, minParallel = coarsen(top, coarse), 2
	}
	a := &assembled{}
	var dups []*syntax.Node
	s.prefetch(text, top, minParallel)
	a.entries, dups = s.mapping(text, top, 0, a)
	// Every section was visited, even after a failure, so that the cache
	// keeps exactly the sections of the last two texts.
	s.evict()
	// Each section was held to syntax.MaxNodes alone; the whole tree (its
	// root and the nodes counted while assembling) must be too.
	if a.failed || a.nodes+1 > syntax.MaxNodes {
		return nil, false
	}
	root := mappingNode(a.entries)
	a.file = &syntax.File{Format: syntax.YAML, Root: root, BOM: bytes.HasPrefix(text, bom), Duplicates: dups}
	return a, true
}

// mapping assembles the entries of sibling chunks whose keys sit at indent.
func (s *State) mapping(text []byte, chunks []*chunk, indent int, a *assembled) ([]entry, []*syntax.Node) {
	var out []entry
	var dups []*syntax.Node
	seen := make(map[string]bool, len(chunks))
	for _, c := range chunks {
		if c.children == nil {
			sec, ok := s.section(text, c.start, c.end, indent)
			if !ok {
				a.failed = true
				continue
			}
			a.cost += sec.aliasCost
			a.nodes += sec.nodes - 1 // its pairs join the tree, its root does not
			for i, p := range sec.root.Pairs {
				out = append(out, entry{pair: p, sec: sec, idx: i})
				dups = append(dups, sec.inner[i]...)
				dups = noteKey(dups, seen, p.Key)
			}
			continue
		}
		kidIndent := indentOf(text, c.children[0].start)
		kids, kidDups := s.mapping(text, c.children, kidIndent, a)
		head, ok := s.section(text, c.start, c.children[0].start, indent)
		if !ok || len(head.root.Pairs) != 1 {
			a.failed = true
			continue
		}
		hp := head.root.Pairs[0]
		if v := hp.Value; v.Kind != syntax.Scalar || v.Tag != "!!null" || v.Value != "" || v.Start != v.End || a.failed {
			a.failed = true
			continue
		}
		out = append(out, entry{pair: syntax.Pair{Key: hp.Key, Value: mappingNode(kids)}, kids: kids})
		a.nodes += 2 // the header's key and the mapping assembled under it
		dups = append(dups, kidDups...)
		dups = noteKey(dups, seen, hp.Key)
	}
	return out, dups
}

func indentOf(text []byte, start int) int {
	i := start
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i - start
}

// noteKey records key as a duplicate when an earlier sibling had it, as the
// parser does.
func noteKey(dups []*syntax.Node, seen map[string]bool, k *syntax.Node) []*syntax.Node {
	if k.Kind == syntax.Scalar && k.Tag != "!!merge" {
		if seen[k.Value] {
			dups = append(dups, k)
		}
		seen[k.Value] = true
	}
	return dups
}

// mappingNode is the block mapping of entries, spanned as the parser spans it.
func mappingNode(es []entry) *syntax.Node {
	n := &syntax.Node{Kind: syntax.Mapping, Tag: "!!map", Pairs: make([]syntax.Pair, len(es))}
	for i, e := range es {
		n.Pairs[i] = e.pair
	}
	n.Start = es[0].pair.Key.Start
	last := es[len(es)-1].pair
	n.End = max(last.Value.End, last.Key.End)
	n.IndexKeys()
	return n
}

// section returns the parsed chunk text[start:end), from the cache when the
// same text was parsed before.
func (s *State) section(text []byte, start, end, indent int) (*section, bool) {
	chunk := text[start:end]
	if start > 0 && bytes.HasPrefix(chunk, bom) {
		return nil, false // a byte order mark inside the text is no mark
	}
	k := key{maphash.Bytes(s.seed, chunk), len(chunk)}
	if sec := s.cache[k]; sec != nil && bytes.Equal(sec.text, chunk) {
		if sec.fresh { // parsed by prefetch for this run
			sec.fresh = false
			s.stats.Parsed++
		} else if sec.base != start {
			sec = sec.moved(chunk, start)
			s.cache[k] = sec
			s.stats.Moved++
		} else {
			sec.text = chunk // hold the newest text only
			s.stats.Kept++
		}
		sec.used = s.gen
		return sec, column(chunk, sec.root.Start-start) == indent
	}
	sec, ok := parseSection(chunk, start, indent)
	if !ok {
		return nil, false
	}
	s.stats.Parsed++
	sec.used = s.gen
	s.cache[k] = sec
	return sec, true
}

// evict drops the sections neither this run nor the one before used.
func (s *State) evict() {
	for k, sec := range s.cache {
		if sec.used+1 < s.gen {
			delete(s.cache, k)
		}
	}
}

// structure is the schema check of the assembled document: the cached
// verdicts of the sections plus a validation of the skeleton. false leaves
// the check to the whole path.
func (s *State) structure(a *assembled) ([]analysis.Diagnostic, bool) {
	version := a.file.Root.Get("asyncapi").String()
	if !schemas.IsSupported(version) || a.cost > syntax.MaxValues || !schemas.Separable(version, []string{"asyncapi"}) {
		return nil, false
	}
	var out []analysis.Diagnostic
	skeleton, ok := s.skeleton(version, nil, a.entries, true, &out)
	if !ok {
		return nil, false
	}
	problems, err := schemas.Validate(version, skeleton)
	if err != nil {
		return nil, false
	}
	for _, pr := range problems {
		out = append(out, analysis.ProblemDiagnostic(a.file.Root, pr))
	}
	return out, true
}

// skeleton is the plain data of a mapping with holes for the values
// validated separately, whose diagnostics it appends to out (only for the
// pairs the data keeps: a later duplicate key hides an earlier one).
func (s *State) skeleton(version string, path []string, es []entry, visible bool, out *[]analysis.Diagnostic) (map[string]any, bool) {
	last := make(map[string]int, len(es))
	for i, e := range es {
		last[e.pair.Key.Value] = i
	}
	m := make(map[string]any, len(es))
	for i, e := range es {
		k := e.pair.Key.Value
		shown := visible && last[k] == i
		p := append(slices.Clip(path), k)
		if e.kids != nil {
			if schemas.Separable(version, append(slices.Clip(p), "")) {
				sub, ok := s.skeleton(version, p, e.kids, shown, out)
				if !ok {
					return nil, false
				}
				m[k] = sub
				continue
			}
		} else {
			c, ok := e.sec.check(version, path)
			if !ok {
				return nil, false
			}
			if c.sep[e.idx] {
				m[k] = schemas.Hole
				if shown {
					*out = append(*out, c.diags[e.idx]...)
				}
				continue
			}
		}
		v, err := e.pair.Value.Data()
		if err != nil {
			return nil, false
		}
		m[k] = v
	}
	return m, true
}
