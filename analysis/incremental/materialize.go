package incremental

import (
	"bytes"

	"asyncapi-ls/analysis/syntax"
)

// materialize builds the tree of a's version, equal to what syntax.Parse
// gives for its text: each section that sits elsewhere than its own offsets
// is copied to its place (the only step that costs the size of what moved).
// It runs once per version that a request or a rule reads, not per edit.
// For the newest version the copies also replace their originals in the
// plan and the cache, so that the next edit finds them in place (and the
// originals go once no older version holds them).
func (s *State) materialize(a *assembled) *syntax.File {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.materializeLocked(a)
}

// materializeLocked is materialize for a caller holding s.mu.
func (s *State) materializeLocked(a *assembled) *syntax.File {
	if a.file != nil {
		return a.file
	}
	m := &materializer{s: s, a: a, moved: map[placement]*section{}}
	m.moveAll(a.entries)
	var dups []*syntax.Node
	pairs := m.pairs(a.root, a.entries, &dups)
	a.file = &syntax.File{Format: syntax.YAML, Root: blockMapping(pairs, a.root), BOM: bytes.HasPrefix(a.text, bom), Duplicates: dups}
	if a == s.prev && len(m.moved) > 0 {
		m.replace(a.top)
		for at, c := range m.moved {
			if s.cache[at.sec.key] == at.sec {
				s.cache[at.sec.key] = c
			}
		}
	}
	return a.file
}

// replace puts the copies in place of their originals in the plan.
func (m *materializer) replace(chunks []*chunk) {
	for _, c := range chunks {
		if n := m.moved[placement{c.sec, c.start}]; c.sec != nil && n != nil {
			c.sec = n
		}
		if n := m.moved[placement{c.head, c.start}]; c.head != nil && n != nil {
			c.head = n
		}
		m.replace(c.children)
	}
}

type materializer struct {
	s     *State
	a     *assembled
	moved map[placement]*section // the same text may sit at several places
}

type placement struct {
	sec  *section
	base int
}

// pairs are the pairs of entries at their offsets in the version, with the
// duplicate keys in the order a whole parse notes them; assembled is the
// mapping the entries make in the assembled version (same keys, other
// offsets).
func (m *materializer) pairs(assembled *syntax.Node, es []entry, dups *[]*syntax.Node) []syntax.Pair {
	var seen map[string]bool // needed only when a key repeats
	if assembled.RepeatsKeys() {
		seen = make(map[string]bool, len(es))
	}
	out := make([]syntax.Pair, 0, len(es))
	for _, e := range es {
		if e.kids == nil {
			sec := m.at(e.sec, e.base)
			p := sec.root.Pairs[e.idx]
			*dups = append(*dups, sec.inner[e.idx]...)
			if seen != nil && noteKey(seen, p.Key) {
				*dups = append(*dups, p.Key)
			}
			out = append(out, p)
			continue
		}
		kids := m.pairs(e.pair.Value, e.kids, dups)
		hp := m.at(e.head, e.base).root.Pairs[0]
		if seen != nil && noteKey(seen, hp.Key) {
			*dups = append(*dups, hp.Key)
		}
		out = append(out, syntax.Pair{Key: hp.Key, Value: blockMapping(kids, e.pair.Value)})
	}
	return out
}

// minParallelMoves is the number of sections to move from which they are
// copied on every core: after an edit near the top of a big document,
// thousands of sections sit further down, and copying them is most of
// building the tree.
const minParallelMoves = 64

// moveAll copies, on every core, the sections of es (and below) that sit
// elsewhere in this version, for at to find. A section's copy reads the
// original only, so copies of one section to several places may run at
// once.
func (m *materializer) moveAll(es []entry) {
	var todo []placement
	seen := map[placement]bool{}
	var collect func(es []entry)
	collect = func(es []entry) {
		for i := range es {
			e := &es[i]
			sec := e.sec
			if e.kids != nil {
				collect(e.kids)
				sec = e.head
			}
			at := placement{sec, e.base}
			if sec != nil && sec.base != e.base && !seen[at] {
				seen[at] = true
				todo = append(todo, at)
			}
		}
	}
	collect(es)
	if len(todo) < minParallelMoves {
		return // at copies them as it meets them
	}
	copies := make([]*section, len(todo))
	onEveryCore(len(todo), func(i int) {
		at := todo[i]
		copies[i] = at.sec.moved(m.a.text[at.base:at.base+len(at.sec.text)], at.base)
	})
	for i, at := range todo {
		m.moved[at] = copies[i]
	}
	m.s.stats.Moved += len(todo)
}

// at is sec with its offsets at base: itself, or a copy.
func (m *materializer) at(sec *section, base int) *section {
	if sec.base == base {
		return sec
	}
	at := placement{sec, base}
	if c := m.moved[at]; c != nil {
		return c
	}
	c := sec.moved(m.a.text[base:base+len(sec.text)], base)
	m.moved[at] = c
	m.s.stats.Moved++
	return c
}
