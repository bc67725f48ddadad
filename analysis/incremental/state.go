package incremental

import (
	"bytes"
	"context"
	"hash/maphash"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// State is the incremental analysis of one open document: the sections of
// its recent versions and what was found in them. Analyze may be called
// from any goroutine; calls for one State run one at a time.
type State struct {
	mu     sync.Mutex
	seed   maphash.Seed
	cache  map[key]*section
	gen    uint64
	nextID uint64
	deps   depTable // the numbers of the deps of "$ref" verdicts
	stats  Stats
	// prev is the version assembled last: its text and plan are where the
	// next edit is planned from, its entries what the next one is compared
	// with. nil after a version that took the whole path.
	prev *assembled
	// skeleton is the verdict of the last skeleton validated.
	skeleton struct {
		sig      uint64
		version  string
		problems []schemas.Problem
	}
	// units are the verdicts on split mappings validated as one value (see
	// validateUnits), by version and path.
	units map[string]*unitVerdict
	// verify, set by tests, checks each cached fact against the same
	// fact computed afresh.
	verify verifier
}

// verifier is what the equivalence test checks on each run.
type verifier interface {
	// plan: the plan made from the previous one equals a plan of the
	// whole text.
	plan(text []byte, top []*chunk)
	// totals: what the sections' facts add up to equals the same fact of
	// the whole text.
	totals(text []byte, structural int, utf8 bool)
}

// Stats count what the runs of a State did, for tests and logs.
type Stats struct {
	Runs, Whole int // analyses, and those that took the whole path
	// Replanned counts runs that cut only the chunk an edit fell in.
	Replanned int
	// Sections parsed, reused as they were, and copied to their new
	// position for a tree handed out.
	Parsed, Kept, Moved int
	// Reference verdicts computed, and those kept from an earlier version.
	Checked, Reused int
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
//
// Without rules (the first step of a big document's diagnostics) nothing
// proportional to the document is done: the edited chunk is parsed, every
// other one read as it was, and each check's findings come from the
// sections' caches placed at their new offsets. The document is handed a
// tree built on first use (Document.ProvideLazy). With rules, the rules run
// on that tree, beside the cached findings.
func (s *State) AnalyzeContext(ctx context.Context, d *analysis.Document, opts analysis.Options) []analysis.Diagnostic {
	s.mu.Lock()
	s.stats.Runs++
	a, ok := s.assemble(d)
	var found []analysis.Diagnostic
	if ok {
		d.ProvideLazy(func() *syntax.File { return s.materialize(a) })
		if !a.asyncAPI() {
			s.mu.Unlock()
			return nil // as Analyze: not an AsyncAPI document
		}
		found, ok = s.checks(ctx, d, a, opts)
	}
	cancelled := ctx.Err() != nil
	if !ok && !cancelled {
		s.stats.Whole++
	}
	s.mu.Unlock()
	switch {
	case cancelled:
		// A newer version made the run moot: the checks stopped early,
		// and the whole path would not notice (it converts and validates
		// the whole document before it looks at ctx).
		return nil
	case !ok:
		return analysis.AnalyzeContext(ctx, d, opts)
	case len(opts.Rules) == 0 && !a.suppress:
		return analysis.FinishUnsuppressed(opts, found) // the sections cover the text
	case len(opts.Rules) == 0:
		return analysis.Finish(d, opts, found)
	}
	opts.Checks = func(*analysis.Pass) []analysis.Diagnostic { return found }
	return analysis.AnalyzeContext(ctx, d, opts)
}

// assembled is one version of the text read from sections: a tree for
// reading (sections' nodes at their own offsets, see section) and where
// each section sits in this version.
type assembled struct {
	gen     uint64
	docID   uint64    // the analysis.Document the text is of; 0 without one
	deps    *depTable // the State's
	text    []byte
	top     []*chunk
	root    *syntax.Node // the sections' pairs under mappings made for this version
	entries []entry
	dups    []placed // duplicate keys, in the order a whole parse lists them
	// Summed over the sections: alias budget spent, nodes of the tree below
	// its root (counted while assembling).
	cost, nodes int
	utf8        bool // every section is UTF-8
	suppress    bool // a section may hold a suppression comment
	failed      bool // a section does not parse on its own
	file        *syntax.File
	prior       *assembled // the version before, until compared (see changes)
	parsed      int        // sections parsed for this version (not found cached)
}

// entry is one pair of an assembled mapping: from a section (sec, idx), or
// split into the entries of its value (kids) under a header section.
type entry struct {
	pair syntax.Pair
	sec  *section
	idx  int
	head *section
	kids []entry
	// base is where the section (or the header) starts in this version.
	base int
}

// delta is what the offsets of the entry's own nodes are off by in this
// version.
func (e *entry) delta() int {
	if e.sec != nil {
		return e.base - e.sec.base
	}
	return e.base - e.head.base
}

// placed is a node found in a section, with the delta of that section.
type placed struct {
	node  *syntax.Node
	delta int
}

func (a *assembled) asyncAPI() bool { return a.root.Entry("asyncapi") != nil }

// assemble plans the chunks, parses those not cached and assembles the
// tree; false sends the document the whole way.
func (s *State) assemble(d *analysis.Document) (*assembled, bool) {
	if d.Format() != syntax.YAML {
		s.prev = nil
		return nil, false
	}
	return s.assembleVersion(d.Text, 0, d)
}

// assembleText is assemble for a YAML text; coarse > 0 joins neighbouring
// sections up to that many bytes (see coarsen).
func (s *State) assembleText(text []byte, coarse int) (*assembled, bool) {
	return s.assembleVersion(text, coarse, nil)
}

// assembleVersion is assembleText for the text of doc, when there is one:
// what the edits since the last version left alone is then known.
func (s *State) assembleVersion(text []byte, coarse int, doc *analysis.Document) (*assembled, bool) {
	prev := s.prev
	s.prev = nil
	if prev != nil {
		prev.prior = nil // one version back is all a comparison needs
	}
	lim := syntax.CurrentLimits()
	if len(text) > lim.Bytes || len(text) == 0 {
		return nil, false
	}
	s.gen++
	var top []*chunk
	ok := false
	if prev != nil && coarse == 0 {
		var same source.Unchanged
		if doc != nil {
			same = doc.Unchanged(prev.docID, prev.text)
		} else {
			same = source.Compare(prev.text, text)
		}
		if top, ok = replan(prev.text, text, prev.top, same); ok {
			s.stats.Replanned++
			if s.verify != nil {
				s.verify.plan(text, top)
			}
		}
	}
	if !ok {
		// The line list is not kept for the next plan: at a few tens of
		// bytes a line it would outweigh the text, and most edits replan.
		if top, ok = plan(text, scanLines(text, nil)); !ok {
			return nil, false
		}
	}
	minParallel := minPrefetch
	if coarse > 0 {
		top, minParallel = coarsen(top, coarse), 2
	}
	// Nearly every key or value follows a structural byte: their count
	// refuses a text too big to analyse before its sections are parsed.
	structural := s.structural(text, top)
	if structural > lim.Nodes {
		return nil, false
	}
	a := &assembled{gen: s.gen, text: text, top: top, utf8: true, prior: prev, deps: &s.deps}
	if doc != nil {
		a.docID = doc.ID()
	}
	s.prefetch(text, top, minParallel)
	var like *syntax.Node
	var likeEntries []entry
	if prev != nil {
		like, likeEntries = prev.root, prev.entries
	}
	parsed := s.stats.Parsed
	a.entries, a.root = s.mapping(text, top, 0, a, like, likeEntries)
	a.parsed = s.stats.Parsed - parsed
	// Every section was visited, even after a failure, so that the cache
	// keeps exactly the sections of the last two texts.
	s.evict()
	// Each section was held to the node limit alone; the whole tree (its
	// root and the nodes counted while assembling) must be too.
	if a.failed || len(a.entries) == 0 || a.nodes+1 > lim.Nodes || a.cost > syntax.MaxValues {
		return nil, false
	}
	if e := lastEntry(a.root, a.entries, "asyncapi"); e != nil && e.kids != nil {
		return nil, false // a version written as a mapping big enough to split
	}
	if s.verify != nil {
		s.verify.totals(text, structural, a.utf8)
	}
	s.prev = a
	return a, true
}

// structural is syntax.Structural of text, added up over the chunks: the
// cached sections know theirs.
func (s *State) structural(text []byte, chunks []*chunk) int {
	n := 0
	for _, c := range chunks {
		if c.children != nil {
			n += s.structural(text, c.children) + syntax.Structural(text[c.start:c.children[0].start])
			continue
		}
		if sec := s.known(text, c); sec != nil {
			n += sec.structural
		} else {
			n += syntax.Structural(text[c.start:c.end])
		}
	}
	return n
}

// known is the cached section for leaf chunk c when its text did not
// change since the last version (the plan carried it), or nil.
func (s *State) known(text []byte, c *chunk) *section {
	if c.sec == nil {
		return nil
	}
	sec := c.sec
	if len(sec.text) != c.end-c.start {
		return nil
	}
	sec.text = text[c.start:c.end] // hold the newest text only
	return sec
}

// mapping assembles the entries of sibling chunks whose keys sit at indent,
// and the mapping node that holds their pairs (nil when there are none),
// and notes duplicate keys. like and its entries are the same mapping in
// the version before, when there was one: after most edits its keys are
// these, and its key index serves again.
func (s *State) mapping(text []byte, chunks []*chunk, indent int, a *assembled, like *syntax.Node, likeEntries []entry) ([]entry, *syntax.Node) {
	out := make([]entry, 0, len(likeEntries)) // after most edits, as many as before
	for _, c := range chunks {
		if c.children == nil {
			sec, ok := s.leaf(text, c, indent)
			if !ok {
				a.failed = true
				continue
			}
			c.sec = sec
			a.add(sec)
			a.nodes += sec.nodes - 1 // its pairs join the tree, its root does not
			e := entry{sec: sec, base: c.start}
			for i, p := range sec.root.Pairs {
				e.pair, e.idx = p, i
				for _, d := range sec.inner[i] {
					a.dups = append(a.dups, placed{d, e.delta()})
				}
				out = append(out, e)
			}
			continue
		}
		kidIndent := indentOf(text, c.children[0].start)
		head, ok := s.header(text, c, indent)
		var kidsLike *syntax.Node
		var kidsLikeEntries []entry
		if ok {
			if j := like.EntryIndex(head.root.Pairs[0].Key.Value); j >= 0 && likeEntries[j].kids != nil {
				kidsLike, kidsLikeEntries = likeEntries[j].pair.Value, likeEntries[j].kids
			}
		}
		kids, node := s.mapping(text, c.children, kidIndent, a, kidsLike, kidsLikeEntries) // visited even when the header fails
		if !ok || len(kids) == 0 || a.failed {
			a.failed = true
			continue
		}
		c.head = head
		a.add(head)
		hp := head.root.Pairs[0]
		out = append(out, entry{pair: syntax.Pair{Key: hp.Key, Value: node}, head: head, kids: kids, base: c.start})
		a.nodes += 2 // the header's key and the mapping assembled under it
	}
	if len(out) == 0 {
		return nil, nil
	}
	node := mappingNode(out, like)
	if node.RepeatsKeys() {
		a.dups = append(a.dups, repeatedKeys(out)...)
	}
	return out, node
}

// repeatedKeys are the keys of es that repeat an earlier sibling's, as the
// parser notes duplicates.
func repeatedKeys(es []entry) []placed {
	var out []placed
	seen := make(map[string]bool, len(es))
	for i := range es {
		if k := es[i].pair.Key; noteKey(seen, k) {
			out = append(out, placed{k, es[i].delta()})
		}
	}
	return out
}

// add counts sec in the version's totals.
func (a *assembled) add(sec *section) {
	a.cost += sec.aliasCost
	a.utf8 = a.utf8 && sec.utf8
	a.suppress = a.suppress || sec.suppress
}

// leaf is the section of leaf chunk c, its keys at indent.
func (s *State) leaf(text []byte, c *chunk, indent int) (*section, bool) {
	if sec := s.known(text, c); sec != nil {
		sec.used = s.gen
		s.stats.Kept++
		return sec, true
	}
	return s.section(text, c.start, c.end, indent)
}

// header is the section of split chunk c's header: its key alone, with an
// empty value (the children hold the rest).
func (s *State) header(text []byte, c *chunk, indent int) (*section, bool) {
	var head *section
	if c.head != nil && len(c.head.text) == c.children[0].start-c.start {
		head = c.head
		head.text = text[c.start:c.children[0].start]
		head.used = s.gen
		s.stats.Kept++
	} else {
		var ok bool
		if head, ok = s.section(text, c.start, c.children[0].start, indent); !ok {
			return nil, false
		}
	}
	if len(head.root.Pairs) != 1 {
		return nil, false
	}
	v := head.root.Pairs[0].Value
	if v.Kind != syntax.Scalar || v.Tag() != "!!null" || v.Value != "" || v.Start != v.End {
		return nil, false
	}
	return head, true
}

func indentOf(text []byte, start int) int {
	i := start
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i - start
}

// noteKey reports whether key repeats an earlier sibling's, as the parser
// notes duplicates.
func noteKey(seen map[string]bool, k *syntax.Node) bool {
	if k.Kind != syntax.Scalar || k.Tag() == "!!merge" {
		return false
	}
	dup := seen[k.Value]
	seen[k.Value] = true
	return dup
}

// mappingNode is the block mapping of entries, spanned as the parser spans
// it; like is a mapping that may have the same keys (see blockMapping).
func mappingNode(es []entry, like *syntax.Node) *syntax.Node {
	pairs := make([]syntax.Pair, len(es))
	for i, e := range es {
		pairs[i] = e.pair
	}
	return blockMapping(pairs, like)
}

// blockMapping is the block mapping of pairs, spanned as the parser spans
// it. Its key index is like's when like has the same keys in the same
// order (nil: built afresh).
func blockMapping(pairs []syntax.Pair, like *syntax.Node) *syntax.Node {
	n := syntax.NewMapping(pairs...)
	n.Start = pairs[0].Key.Start
	last := pairs[len(pairs)-1]
	n.End = max(last.Value.End, last.Key.End)
	n.IndexKeysLike(like)
	return n
}

// lastEntry is the last entry with key k, as a lookup finds it, of es, the
// entries of mapping m (a.root, or a split entry's value).
func lastEntry(m *syntax.Node, es []entry, k string) *entry {
	if i := m.EntryIndex(k); i >= 0 {
		return &es[i]
	}
	return nil
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
		} else {
			s.stats.Kept++
		}
		sec.text = chunk // hold the newest text only
		sec.used = s.gen
		return sec, column(chunk, sec.root.Start-sec.base) == indent
	}
	sec, ok := parseSection(chunk, start, indent)
	if !ok {
		return nil, false
	}
	s.adopt(sec, k)
	s.stats.Parsed++
	return sec, true
}

// adopt enters a section just parsed into the cache.
func (s *State) adopt(sec *section, k key) {
	s.nextID++
	sec.id, sec.key, sec.used = s.nextID, k, s.gen
	s.cache[k] = sec
}

// evict drops the sections neither this run nor the one before used.
func (s *State) evict() {
	for k, sec := range s.cache {
		if sec.used+1 < s.gen {
			delete(s.cache, k)
		}
	}
}
