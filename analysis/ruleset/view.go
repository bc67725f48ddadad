package ruleset

import (
	"encoding/json"
	"strconv"
	"sync"
	"sync/atomic"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// place is one value as a rule sees it: the node as written, the document it
// is written in, and how it hangs in its parent there (the range a finding
// gets depends on it). In a resolved view a reference object stands for its
// target, so a place may lie in another document than the one analysed.
type place struct {
	node *syntax.Node // alias resolved
	key  *syntax.Node // the key naming the value in its mapping; nil for a root or a list item
	uri  string       // canonical URI of the document the node is written in
	path *segment     // the way to the value as the rule sees it (through references)
	at   *segment     // the value's pointer inside its own document
	via  *hop         // references followed to get here, innermost first
}

// segment is one step of a path, linked to its parent so that places share
// their prefixes.
type segment struct {
	name   string
	index  int // -1 for a mapping key
	parent *segment
}

func (s *segment) child(name string, index int) *segment {
	return &segment{name: name, index: index, parent: s}
}

// tokens lists the path from the root.
func (s *segment) tokens() []string {
	n := 0
	for p := s; p != nil; p = p.parent {
		n++
	}
	out := make([]string, n)
	for p := s; p != nil; p = p.parent {
		n--
		out[n] = p.name
	}
	return out
}

// hasPrefix reports whether the path starts with prefix.
func (s *segment) hasPrefix(prefix []string) bool {
	n := 0
	for p := s; p != nil; p = p.parent {
		n++
	}
	if len(prefix) > n {
		return false
	}
	p := s
	for ; n > len(prefix); n-- {
		p = p.parent
	}
	for i := len(prefix) - 1; i >= 0; i-- {
		if p.name != prefix[i] {
			return false
		}
		p = p.parent
	}
	return true
}

// last is the final token, "" for the root.
func (s *segment) last() string {
	if s == nil {
		return ""
	}
	return s.name
}

// hop is a reference a resolved view followed.
type hop struct {
	ref    *syntax.Node // the "$ref" value
	refURI string       // the document it is written in
	target *syntax.Node
	prev   *hop
}

// view is the document as rules with one "resolved" setting read it.
type view struct {
	resolved bool
	self     string // canonical URI of the analysed document
	root     *syntax.Node
	load     refs.Loader
	// selfDups is set when the analysed document repeats a key in a
	// mapping (other documents are assumed to): then only the last entry
	// of a key counts.
	selfDups bool

	mu   sync.Mutex
	data map[*syntax.Node]any // plain data of nodes converted so far

	targets *refTargets

	prefixMu sync.Mutex
	prefixes map[string]*sharedPlaces // see shared

	rootWalks       atomic.Int32
	rootCount       atomic.Int64
	descendantsOnce sync.Once
	descendants     []place // every value below the root, each shared target once
}

// resolvedRef is where one "$ref" leads.
type resolvedRef struct {
	target refs.Target
	node   *syntax.Node
	at     *segment
}

// refTargets remembers where each reference leads, for both views of a
// pass, by its text: big documents repeat the same reference in many
// places.
type refTargets struct {
	mu     sync.RWMutex
	byText map[refText]*resolvedRef // nil when it leads nowhere
}

// refText is a "$ref" value and the document it is written in ("" for
// the analysed one, which keeps the key short).
type refText struct{ uri, ref string }

func (v *view) lookup(uri string, ref *syntax.Node) *resolvedRef {
	key := refText{ref: ref.Resolve().Value}
	if uri != v.self {
		key.uri = uri
	}
	c := v.targets
	c.mu.RLock()
	r, ok := c.byText[key]
	c.mu.RUnlock()
	if ok {
		return r
	}
	if k, err := refs.Resolve(uri, key.ref); err == nil && v.load != nil {
		if t, err := refs.Lookup(v.load, k); err == nil && t.Value != nil {
			r = &resolvedRef{target: t, node: t.Value.Resolve()}
			for _, tok := range t.Tokens {
				r.at = r.at.child(tok, -1)
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if first, ok := c.byText[key]; ok {
		return first // another rule looked it up meanwhile
	}
	c.byText[key] = r
	return r
}

func newView(resolved bool, self string, root *syntax.Node, load refs.Loader, dups bool, targets *refTargets) *view {
	return &view{resolved: resolved, self: self, root: root, load: load, data: map[*syntax.Node]any{}, selfDups: dups, targets: targets}
}

// sharedPlaces are the places a path prefix selects from the root.
type sharedPlaces struct {
	once   sync.Once
	places []place
}

// shared returns the places the path prefix named key selects from the
// root, computing them once per view: rules evaluated at the same time
// wait for the first. The result must not be modified.
func (v *view) shared(key string, compute func() []place) []place {
	v.prefixMu.Lock()
	if v.prefixes == nil {
		v.prefixes = map[string]*sharedPlaces{}
	}
	sp := v.prefixes[key]
	if sp == nil {
		sp = &sharedPlaces{}
		v.prefixes[key] = sp
	}
	v.prefixMu.Unlock()
	sp.once.Do(func() { sp.places = compute() })
	return sp.places
}

// isShadowed reports whether a later entry of mapping n has the key of entry i.
func isShadowed(n *syntax.Node, i int) bool {
	later := n.Entry(n.Pairs[i].Key.Value)
	return later != nil && later != &n.Pairs[i]
}

func (v *view) rootPlace() place {
	return v.follow(place{node: v.root.Resolve(), uri: v.self})
}

// follow replaces a reference object by its target in a resolved view. A
// reference that cannot be followed, or that would enter a cycle, stays as
// written.
func (v *view) follow(p place) place {
	if !v.resolved || p.node == nil || p.node.Kind != syntax.Mapping {
		return p // only a mapping can be a reference object
	}
	for range 32 {
		ref := refs.RefNode(p.node)
		if ref == nil {
			return p
		}
		r := v.lookup(p.uri, ref)
		if r == nil {
			return p
		}
		t, target := r.target, r.node
		if t.URI == p.uri && p.at.hasPrefix(t.Tokens) {
			return p // a reference to an ancestor of itself stays a reference, as Spectral's resolver leaves it
		}
		for h := p.via; h != nil; h = h.prev {
			if h.target == target {
				return p // a cycle: the reference stays a reference
			}
		}
		p = place{node: target, key: t.Key, uri: t.URI, path: p.path, at: r.at,
			via: &hop{ref: ref, refURI: p.uri, target: target, prev: p.via}}
	}
	return p
}

// children lists the values of a mapping or list, references followed.
func (v *view) children(p place) []place {
	n := p.node
	if n == nil {
		return nil
	}
	switch n.Kind {
	case syntax.Mapping:
		out := make([]place, 0, len(n.Pairs))
		for i := range n.Pairs {
			pair := &n.Pairs[i]
			if pair.Key.Tag() == "!!merge" {
				continue
			}
			if (v.selfDups || p.uri != v.self) && isShadowed(n, i) {
				continue // a duplicate key: the last one counts, as in the data
			}
			out = append(out, v.childAt(p, pair.Key.Value, -1, pair.Key, pair.Value))
		}
		return out
	case syntax.Sequence:
		out := make([]place, 0, len(n.Items))
		for i, it := range n.Items {
			out = append(out, v.childAt(p, strconv.Itoa(i), i, nil, it))
		}
		return out
	}
	return nil
}

func (v *view) childAt(p place, name string, index int, key, value *syntax.Node) place {
	// Walks create a place per value: one segment serves both paths while
	// they are the same (no reference followed yet), else one allocation
	// holds both.
	if p.at == p.path {
		seg := &segment{name: name, index: index, parent: p.path}
		return v.follow(place{node: value.Resolve(), key: key, uri: p.uri, path: seg, at: seg, via: p.via})
	}
	segs := &[2]segment{{name: name, index: index, parent: p.path}, {name: name, index: index, parent: p.at}}
	return v.follow(place{node: value.Resolve(), key: key, uri: p.uri, path: &segs[0], at: &segs[1], via: p.via})
}

// field returns the child named name (a key, or an index of a list).
func (v *view) field(p place, name string) (place, bool) {
	n := p.node
	if n == nil {
		return place{}, false
	}
	switch n.Kind {
	case syntax.Mapping:
		pair := n.Entry(name)
		if pair == nil {
			return place{}, false
		}
		return v.childAt(p, name, -1, pair.Key, pair.Value), true
	case syntax.Sequence:
		if name == "" || name[0] < '0' || name[0] > '9' {
			return place{}, false // not an index (and no error value for "$..name" to make on every list)
		}
		i, err := strconv.Atoi(name)
		if err != nil || i < 0 || i >= len(n.Items) || strconv.Itoa(i) != name {
			return place{}, false
		}
		return v.childAt(p, name, i, nil, n.Items[i]), true
	}
	return place{}, false
}

// walk visits p and every value below it, depth first. In a resolved view
// a value that several references lead to is visited below the first one
// only: below the others, every value would sit at the same place again,
// and findings are reported by place.
func (v *view) walk(p place, visit func(place)) {
	if p.node != v.root.Resolve() || p.path != nil {
		v.walkOnce(p, map[*syntax.Node]bool{}, visit)
		return
	}
	// Walks from the root: the first streams, the second keeps every place
	// for the ones after it (several rules with "$.." in one ruleset).
	switch v.rootWalks.Add(1) {
	case 1:
		count := 0
		v.walkOnce(p, map[*syntax.Node]bool{}, func(d place) { count++; visit(d) })
		v.rootCount.Store(int64(count))
		return
	case 2:
		v.descendantsOnce.Do(func() {
			v.descendants = make([]place, 0, v.rootCount.Load())
			v.walkOnce(p, map[*syntax.Node]bool{}, func(d place) { v.descendants = append(v.descendants, d) })
		})
	}
	v.descendantsOnce.Do(func() {
		v.walkOnce(p, map[*syntax.Node]bool{}, func(d place) { v.descendants = append(v.descendants, d) })
	})
	for _, d := range v.descendants {
		visit(d)
	}
}

func (v *view) walkOnce(p place, seen map[*syntax.Node]bool, visit func(place)) {
	if p.via != nil && p.node == p.via.target {
		if seen[p.node] {
			return
		}
		seen[p.node] = true
	}
	visit(p)
	n := p.node
	if n == nil {
		return
	}
	// The children inline (no closure per value: walks touch every one).
	switch n.Kind {
	case syntax.Mapping:
		for i := range n.Pairs {
			pair := &n.Pairs[i]
			if pair.Key.Tag() == "!!merge" || ((v.selfDups || p.uri != v.self) && isShadowed(n, i)) {
				continue
			}
			v.walkOnce(v.childAt(p, pair.Key.Value, -1, pair.Key, pair.Value), seen, visit)
		}
	case syntax.Sequence:
		for i, it := range n.Items {
			v.walkOnce(v.childAt(p, strconv.Itoa(i), i, nil, it), seen, visit)
		}
	}
}

// value is the plain data of a place (see syntax.Node.Data), references
// replaced by their targets in a resolved view.
func (v *view) value(p place) any {
	if p.node == nil {
		return nil
	}
	if p.node.Kind == syntax.Scalar {
		d, _ := p.node.Data()
		return d
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.convert(p, 0)
}

func (v *view) convert(p place, depth int) any {
	n := p.node
	if n == nil {
		return nil
	}
	if d, ok := v.data[n]; ok {
		return d
	}
	if depth > 256 {
		return nil
	}
	var out any
	switch n.Kind {
	case syntax.Mapping:
		m := make(map[string]any, len(n.Pairs))
		for _, c := range v.children(p) {
			m[c.path.last()] = v.convert(c, depth+1)
		}
		out = m
	case syntax.Sequence:
		s := make([]any, 0, len(n.Items))
		for _, c := range v.children(p) {
			s = append(s, v.convert(c, depth+1))
		}
		out = s
	default:
		out, _ = n.Data()
	}
	if p.via == nil || !v.resolved {
		v.data[n] = out // below a reference, a cut cycle may depend on the way in
	}
	return out
}

// kindOf names the JSON type of a node's value, as JavaScript's typeof
// would after parsing ("array" and "null" apart).
func kindOf(n *syntax.Node) string {
	switch {
	case n == nil:
		return "undefined"
	case n.Kind == syntax.Mapping:
		return "object"
	case n.Kind == syntax.Sequence:
		return "array"
	}
	d, _ := n.Data()
	switch d.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	}
	return "string"
}

func hasPrefix(path, prefix []string) bool {
	if len(prefix) > len(path) {
		return false
	}
	for i := range prefix {
		if path[i] != prefix[i] {
			return false
		}
	}
	return true
}

// depth is the number of tokens of the path.
func (s *segment) depth() int {
	n := 0
	for p := s; p != nil; p = p.parent {
		n++
	}
	return n
}
