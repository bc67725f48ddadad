package incremental

import (
	"context"
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// checks returns what every check but the rules finds in a (syntax,
// version, duplicate keys, structure, references, what references bring in
// from other files), at the offsets of this version: the same findings as
// analysis.Analyze's checks on the whole tree. false: a finding cannot be
// placed from the sections (a cycle of references, content of other files
// that leads back here); the caller then takes the whole path.
func (s *State) checks(ctx context.Context, d *analysis.Document, a *assembled, opts analysis.Options) ([]analysis.Diagnostic, bool) {
	var out []analysis.Diagnostic
	if !a.utf8 {
		out = append(out, analysis.InvalidUTF8(a.text)...)
	}
	version, supported, diag := analysis.CheckVersion(a.root)
	if diag != nil {
		out = append(out, shift(*diag, a.deltaAt([]string{"asyncapi"})))
	}
	if !supported {
		version = ""
	}
	for _, dup := range a.dups {
		out = append(out, shift(analysis.DuplicateKey(dup.node), dup.delta))
	}
	opts.Yield = nil // the state is locked: a request may be waiting for it
	p := analysis.NewPass(ctx, d, a.root, version, opts)
	// The schema check and the reference check read the assembled version
	// and each writes only its own caches of the sections (schema verdicts;
	// "$ref" sites and verdicts, and the counters), so they run side by side.
	var structural, references []analysis.Diagnostic
	structureOK, referencesOK := true, true
	onEveryCore(2, func(i int) {
		switch {
		case i == 0 && supported:
			structural, structureOK = s.structure(a, version)
		case i == 1:
			references, referencesOK = s.references(p, a)
		}
	})
	if !structureOK || !referencesOK {
		return nil, false
	}
	// An unknown key in a 3.x document may be a 2.x field, explained from
	// the tree around it: the one case that needs the tree at this
	// version's offsets (built here, after both checks: building it
	// replaces sections in the plan and the cache).
	if strings.HasPrefix(version, "3.") && slices.ContainsFunc(structural, func(d analysis.Diagnostic) bool { return d.Code == schemas.UnknownKey.Code() }) {
		structural = analysis.V2Fields(s.materializeLocked(a).Root, version, structural)
	}
	out = append(out, structural...)
	return append(out, references...), true
}

// shift moves d's offsets by delta.
func shift(d analysis.Diagnostic, delta int) analysis.Diagnostic {
	d.Start += delta
	d.End += delta
	return d
}

// deltaAt is the delta of the section holding the nodes a lookup of path
// reaches last (the last entry of each key, as lookups go): the leaf that
// holds the rest of the path, or the header of the last split mapping on
// it. An empty or unknown path is placed where a schema problem without a
// place is: at the "asyncapi" key, else at the document's start.
func (a *assembled) deltaAt(path []string) int {
	m, es := a.root, a.entries
	var last *entry
	for _, tok := range path {
		e := lastEntry(m, es, tok)
		if e == nil {
			break
		}
		if e.kids == nil {
			return e.delta()
		}
		last, m, es = e, e.pair.Value, e.kids
	}
	if last != nil {
		return last.delta()
	}
	if e := lastEntry(a.root, a.entries, "asyncapi"); e != nil {
		return e.delta()
	}
	return a.entries[0].delta()
}

// structure is the schema check of the assembled document: the cached
// verdicts of the sections plus the verdict on the skeleton (its split keys,
// with schemas.Hole for the values validated apart), validated again only
// when the skeleton changed. false leaves the document to the whole path.
func (s *State) structure(a *assembled, version string) ([]analysis.Diagnostic, bool) {
	if !schemas.Separable(version, []string{"asyncapi"}) {
		return nil, false
	}
	var out []analysis.Diagnostic
	// Only a version of many new sections, or of another AsyncAPI version,
	// has many unchecked ones to spread over the cores; after an edit
	// verdicts checks the few as it meets them.
	if a.parsed >= minParallelChecks || s.skeleton.version != version {
		s.checkAll(version, a.entries)
	}
	if !s.validateUnits(version, a.root, a.entries) {
		return nil, false
	}
	var h maphash.Hash
	h.SetSeed(s.seed)
	h.WriteString(version)
	if !s.verdicts(a, &h, version, nil, a.root, a.entries, true, &out) {
		return nil, false
	}
	sig := h.Sum64()
	if sk := &s.skeleton; sk.sig != sig || sk.version != version || sk.problems == nil {
		skeleton, ok := s.skeletonData(version, nil, a.entries)
		if !ok {
			return nil, false
		}
		problems, err := schemas.Validate(version, skeleton)
		if err != nil {
			return nil, false
		}
		sk.sig, sk.version, sk.problems = sig, version, append([]schemas.Problem{}, problems...)
	}
	for _, pr := range s.skeleton.problems {
		out = append(out, shift(analysis.ProblemDiagnostic(a.root, pr), a.deltaAt(pr.Path)))
	}
	return out, true
}

// verdicts appends the sections' findings on the values validated apart
// (only for the pairs a lookup sees: a later duplicate key hides an earlier
// one) and writes into h what the skeleton is made of: its keys, and the
// sections whose values it holds as data.
func (s *State) verdicts(a *assembled, h *maphash.Hash, version string, path []string, m *syntax.Node, es []entry, visible bool, out *[]analysis.Diagnostic) bool {
	repeats := m.RepeatsKeys() // else every entry is the one a lookup finds
	for i, e := range es {
		k := e.pair.Key.Value
		shown := visible && (!repeats || m.EntryIndex(k) == i)
		h.WriteString(k)
		h.WriteByte(0)
		if e.kids != nil {
			p := append(slices.Clip(path), k)
			switch unitKind(version, p) {
			case apart:
				h.WriteByte('{')
				if !s.verdicts(a, h, version, p, e.pair.Value, e.kids, shown, out) {
					return false
				}
				h.WriteByte('}')
			case whole:
				h.WriteByte('U')
				if shown {
					u := s.units[unitKey(version, p)]
					if u == nil {
						return false // not validated: cannot happen, but the whole path can tell
					}
					for _, pr := range u.problems {
						*out = append(*out, shift(analysis.ProblemDiagnostic(a.root, pr), a.deltaAt(pr.Path)))
					}
				}
			default:
				writeIDs(h, e.kids)
			}
			continue
		}
		c, ok := e.sec.check(version, path)
		if !ok {
			return false
		}
		if c.sep[e.idx] {
			h.WriteByte('H')
			if shown {
				for _, d := range c.diags[e.idx] {
					*out = append(*out, shift(d, e.base))
				}
			}
			continue
		}
		writeIDs(h, es[i:i+1])
	}
	return true
}

// minParallelChecks is the number of unchecked sections from which
// checkAll spreads them over the cores: after an open, every section.
const minParallelChecks = 64

// checkAll computes, on every core, the schema verdicts verdicts will ask
// the sections of es for and that they do not hold yet; verdicts then finds
// them cached. A section is checked by one goroutine at each of its paths
// (identical text at several places is one section), since a section's
// cache is its own and its check reads nothing else that changes.
func (s *State) checkAll(version string, es []entry) {
	var work bySection
	var collect func(path []string, es []entry)
	collect = func(path []string, es []entry) {
		for _, e := range es {
			if e.kids != nil {
				p := append(slices.Clip(path), e.pair.Key.Value)
				if schemas.Separable(version, append(slices.Clip(p), "")) {
					collect(p, e.kids)
				}
				continue
			}
			if _, done := e.sec.checks.get(version, path); !done {
				work.add(e.sec, path)
			}
		}
	}
	collect(nil, es)
	if len(work.tasks) < minParallelChecks {
		return // verdicts checks them as it meets them
	}
	onEveryCore(len(work.tasks), func(i int) {
		t := work.tasks[i]
		for _, path := range t.paths {
			if _, ok := t.sec.check(version, path); !ok {
				return // verdicts meets the failure again and decides
			}
		}
	})
}

// writeIDs writes into h the sections that hold es's keys and values (a
// split entry's key is in its header's section).
func writeIDs(h *maphash.Hash, es []entry) {
	var buf [16]byte
	for _, e := range es {
		if e.kids != nil {
			h.Write(binary.LittleEndian.AppendUint64(buf[:0], e.head.id))
			h.WriteByte('{')
			writeIDs(h, e.kids)
			h.WriteByte('}')
			continue
		}
		h.Write(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(buf[:0], e.sec.id), uint64(e.idx)))
	}
}

// skeletonData is the plain data of a mapping with holes for the values
// validated separately.
func (s *State) skeletonData(version string, path []string, es []entry) (map[string]any, bool) {
	m := make(map[string]any, len(es))
	for _, e := range es {
		k := e.pair.Key.Value
		p := append(slices.Clip(path), k)
		if e.kids != nil {
			switch unitKind(version, p) {
			case apart:
				sub, ok := s.skeletonData(version, p, e.kids)
				if !ok {
					return nil, false
				}
				m[k] = sub
				continue
			case whole:
				m[k] = schemas.Hole
				continue
			}
		} else {
			c, ok := e.sec.check(version, path)
			if !ok {
				return nil, false
			}
			if c.sep[e.idx] {
				m[k] = schemas.Hole
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

// references is the reference check, and the check of what references to
// other files bring in, from the verdicts the sections keep (see
// verdicts.go), at this version's offsets.
func (s *State) references(p *analysis.Pass, a *assembled) ([]analysis.Diagnostic, bool) {
	ch := s.changes(a)
	s.refVerdictsAll(p, a, ch)
	var out []analysis.Diagnostic
	var files []refs.Site
	fileDelta := map[*syntax.Node]int{}
	ok := a.leaves(func(e *entry, parent []string) bool {
		if p.Cancelled() {
			return false
		}
		sites := e.sec.refSites(parent)
		v := s.refVerdicts(p, a, e.sec, parent, sites, ch)
		for i, r := range v.results {
			if r.related {
				return false // a cycle: its steps are in other sections
			}
			if r.found && analysis.ReferenceReported(p.Options, *r.diag) {
				out = append(out, shift(*r.diag, e.base))
			}
			if r.file {
				files = append(files, sites[i])
				fileDelta[sites[i].Value] = e.delta()
			}
		}
		return true
	})
	if !ok {
		return nil, false
	}
	for _, f := range analysis.ResolvedReferences(p, files) {
		for _, d := range f.Found {
			if d.Origin != nil && d.Origin.URI == "" || slices.ContainsFunc(d.Related, func(r analysis.Related) bool { return r.URI == "" }) {
				return nil, false // content of other files that leads back here
			}
			out = append(out, shift(d, fileDelta[f.Ref]))
		}
	}
	return out, true
}

// leaves calls f with each leaf entry that starts a section (a section's
// pairs are entries of one mapping) and the path of its mapping, in text
// order, until f returns false.
func (a *assembled) leaves(f func(e *entry, parent []string) bool) bool {
	var visit func(es []entry, path []string) bool
	visit = func(es []entry, path []string) bool {
		for i := range es {
			e := &es[i]
			if e.kids != nil {
				if !visit(e.kids, append(slices.Clip(path), e.pair.Key.Value)) {
					return false
				}
				continue
			}
			if e.idx == 0 && !f(e, path) {
				return false
			}
		}
		return true
	}
	return visit(a.entries, nil)
}

// How the schema check treats a mapping split into sections.
type splitKind uint8

const (
	inSkeleton splitKind = iota // its data is part of the skeleton
	apart                       // its entries are validated apart
	whole                       // validated as one value, apart from the skeleton
)

// unitKind says how the mapping at path, split into sections, is validated.
// A split mapping whose entries the schema does not judge on their own (a
// channel's fields, say) but which it judges as a whole is a unit: it is
// validated as one value, again only when one of its sections changed, so
// that an edit in it does not validate the whole skeleton again.
func unitKind(version string, path []string) splitKind {
	switch {
	case schemas.Separable(version, append(slices.Clip(path), "")):
		return apart
	case schemas.Separable(version, path):
		return whole
	}
	return inSkeleton
}

// unitVerdict is the schema verdict on a unit, for the sections it was
// read from (sig).
type unitVerdict struct {
	sig      uint64
	problems []schemas.Problem
	gen      uint64 // the last run that used it
}

func unitKey(version string, path []string) string {
	return version + "\x00" + joinPath(path)
}

// validateUnits brings up to date the verdict of every unit among es, the
// entries of mapping root (and below), that a lookup finds: a unit whose
// sections changed is validated again, on every core when there are many
// (after an open). Verdicts no run used since the last one are dropped.
// false: a unit's value cannot be converted (the whole path decides).
func (s *State) validateUnits(version string, root *syntax.Node, es []entry) bool {
	type task struct {
		key  string
		path []string
		node *syntax.Node
		sig  uint64
	}
	var todo []task
	var collect func(path []string, m *syntax.Node, es []entry)
	collect = func(path []string, m *syntax.Node, es []entry) {
		repeats := m.RepeatsKeys()
		for i, e := range es {
			if e.kids == nil || repeats && m.EntryIndex(e.pair.Key.Value) != i {
				continue // a later entry with the same key hides this one
			}
			p := append(slices.Clip(path), e.pair.Key.Value)
			switch unitKind(version, p) {
			case apart:
				collect(p, e.pair.Value, e.kids)
			case whole:
				var h maphash.Hash
				h.SetSeed(s.seed)
				writeIDs(&h, e.kids)
				key, sig := unitKey(version, p), h.Sum64()
				if u := s.units[key]; u != nil && u.sig == sig {
					u.gen = s.gen
					continue
				}
				todo = append(todo, task{key, p, e.pair.Value, sig})
			}
		}
	}
	collect(nil, root, es)
	found := make([]*unitVerdict, len(todo))
	validate := func(i int) {
		t := todo[i]
		data, err := t.node.Data()
		if err != nil {
			return
		}
		problems, err := schemas.ValidateAt(version, t.path, data)
		if err != nil {
			return
		}
		found[i] = &unitVerdict{sig: t.sig, problems: problems, gen: s.gen}
	}
	if len(todo) >= minParallelChecks {
		onEveryCore(len(todo), validate)
	} else {
		for i := range todo {
			validate(i)
		}
	}
	if s.units == nil {
		s.units = map[string]*unitVerdict{}
	}
	ok := true
	for i, t := range todo {
		if found[i] == nil {
			ok = false
			continue
		}
		s.units[t.key] = found[i]
	}
	for k, u := range s.units {
		if u.gen+1 < s.gen {
			delete(s.units, k)
		}
	}
	return ok
}
