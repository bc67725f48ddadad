package model

import (
	"strconv"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// maxHops bounds a chain of references (a "$ref" whose target is a "$ref").
const maxHops = 32

// builder holds what one Build needs.
type builder struct {
	m      *Model
	v3     bool
	root   *Base // the document itself
	loader refs.Loader
	files  map[string]loaded // every document read, this one included
}

type loaded struct {
	root *syntax.Node
	err  error
}

// defKey names a definition: a place, read as one kind. (A wrong "$ref"
// may make the same place be read as two kinds.)
type defKey struct {
	loc  string
	kind Kind
}

// load reads a document through the caller's loader, once per Build, and
// records what it got so that the model can tell when it is stale.
func (b *builder) load(uri string) (*syntax.Node, error) {
	if f, ok := b.files[uri]; ok {
		return f.root, f.err
	}
	var f loaded
	if b.loader == nil {
		f.err = ErrNoLoader
	} else {
		f.root, f.err = b.loader(uri)
		if f.err == nil && f.root == nil {
			f.err = ErrNotParsed
		}
	}
	b.files[uri] = f
	b.m.deps[uri] = f.root
	return f.root, f.err
}

// reached is where a value written at some place leads.
type reached struct {
	value    *syntax.Node // the value after references; nil when they lead nowhere
	loc      Location
	keyNode  *syntax.Node // the key naming value where it is defined, if any
	firstKey *syntax.Node // the key naming the first reference's target, if any
	ref      *Ref
}

// follow resolves n, written at at: itself, or the end of its chain of
// references.
func (b *builder) follow(at Location, n *syntax.Node) reached {
	n = n.Resolve()
	refNode := refs.RefNode(n)
	if refNode == nil {
		return reached{value: n, loc: at}
	}
	ref := &Ref{Node: refNode, At: at}
	b.m.refs = append(b.m.refs, ref)
	r := reached{ref: ref, loc: at}
	base, value := at.URI, refNode.Resolve().Value
	seen := map[string]bool{at.String(): true}
	for hop := 0; ; hop++ {
		key, err := refs.Resolve(base, value)
		if err == nil && hop == 0 {
			ref.Key = key
		}
		if err == nil && hop == maxHops {
			err = refs.ErrTooDeep
		}
		if err != nil {
			ref.Err = err
			return r
		}
		t, err := refs.Lookup(b.load, key)
		if err != nil {
			ref.Err = err
			return r
		}
		if hop == 0 {
			r.firstKey = t.Key
		}
		loc := Location{URI: t.URI, Pointer: t.Tokens}
		next := refs.RefNode(t.Value)
		if next == nil {
			r.value, r.loc, r.keyNode = t.Value.Resolve(), loc, t.Key
			ref.Target = loc
			s := loc.String()
			b.m.refsTo[s] = append(b.m.refsTo[s], ref)
			return r
		}
		if s := loc.String(); seen[s] {
			ref.Err = ErrCycle
			return r
		} else {
			seen[s] = true
		}
		base, value = t.URI, next.Resolve().Value
	}
}

// site is a value as written: where, under which key.
type site struct {
	at      Location
	key     string // "" for a list item or a single field
	keyNode *syntax.Node
	node    *syntax.Node
}

// field is the site of key in the object e (nil node when absent).
func field(e *Base, key string) site {
	p := e.Value.Entry(key)
	if p == nil {
		return site{}
	}
	return site{at: e.Loc.child(key), node: p.Value}
}

// entries are the sites of the entries of the mapping under key in e.
func entries(e *Base, key string) []site {
	p := e.Value.Entry(key)
	if p == nil {
		return nil
	}
	return mapSites(e.Loc.child(key), p.Value)
}

// mapSites are the entries of the mapping n written at at (merge keys aside).
func mapSites(at Location, n *syntax.Node) []site {
	pairs := n.PairsOrNil()
	out := make([]site, 0, len(pairs))
	for _, p := range pairs {
		if p.Key.Tag == "!!merge" {
			continue
		}
		out = append(out, site{at: at.child(p.Key.Value), key: p.Key.Value, keyNode: p.Key, node: p.Value})
	}
	return out
}

// items are the sites of the items of the list under key in e.
func items(e *Base, key string) []site {
	p := e.Value.Entry(key)
	if p == nil {
		return nil
	}
	list := p.Value.Resolve()
	if list == nil || list.Kind != syntax.Sequence {
		return nil
	}
	at := e.Loc.child(key)
	out := make([]site, len(list.Items))
	for i, it := range list.Items {
		out[i] = site{at: at.child(strconv.Itoa(i)), node: it}
	}
	return out
}

// elementPtr is a pointer to an element type.
type elementPtr[T any] interface {
	*T
	Element
}

// element builds the element written at s: in place, or through its
// references. Each place is read once per kind: a definition that several
// references reach is built once, and each reference gets a copy that
// differs only in Key, KeyNode, Ref and Problem. fill reads the
// definition's fields from its Value. A site with no node gives nil.
func element[T any, P elementPtr[T]](b *builder, s site, kind Kind, fill func(P)) (use, def P) {
	if s.node == nil {
		return nil, nil
	}
	r := b.follow(s.at, s.node)
	if r.value == nil {
		e := P(new(T))
		*e.Common() = Base{Key: s.key, KeyNode: s.keyNode, Loc: s.at, Ref: r.ref, Problem: ErrNotObject}
		if r.ref != nil {
			e.Common().Problem = r.ref.Err
		}
		return e, nil
	}
	dk := defKey{r.loc.String(), kind}
	def, ok := b.m.byLoc[dk].(P)
	if !ok {
		def = P(new(T))
		base := def.Common()
		base.Value, base.Loc, base.Key, base.KeyNode = r.value, r.loc, s.key, s.keyNode
		if r.ref != nil {
			base.Key, base.KeyNode = "", r.keyNode
			if r.keyNode != nil {
				base.Key = r.keyNode.Value
			}
		}
		if kind != refs.Schema && !isObject(r.value) {
			base.Problem = ErrNotObject
		}
		b.m.byLoc[dk] = def
		fill(def)
	}
	if r.ref == nil {
		return def, def
	}
	use = P(new(T))
	*use = *def
	ub := use.Common()
	ub.Ref = r.ref
	switch {
	case s.key != "":
		ub.Key, ub.KeyNode = s.key, s.keyNode
	case r.firstKey != nil:
		ub.Key, ub.KeyNode = r.firstKey.Value, r.firstKey
	}
	if got := refs.Classify(r.loc.Pointer); kind != refs.Unknown && got != refs.Unknown && got != kind {
		ub.Problem = &KindError{Want: kind, Got: got}
	}
	return use, def
}

// list builds the elements of sites.
func list[T any, P elementPtr[T]](b *builder, sites []site, kind Kind, fill func(P)) []P {
	if len(sites) == 0 {
		return nil
	}
	out := make([]P, 0, len(sites))
	for _, s := range sites {
		e, _ := element(b, s, kind, fill)
		out = append(out, e)
	}
	return out
}

func isObject(n *syntax.Node) bool {
	n = n.Resolve()
	return n != nil && n.Kind == syntax.Mapping
}

// scalar reads the field key of e.
func scalar(e *Base, key string) Scalar {
	p := e.Value.Entry(key)
	if p == nil {
		return Scalar{}
	}
	return Scalar{Value: p.Value.String(), Node: p.Value}
}

// scalars reads the list under key in e.
func scalars(e *Base, key string) []Scalar {
	n := e.Value.Get(key).Resolve()
	if n == nil || n.Kind != syntax.Sequence {
		return nil
	}
	out := make([]Scalar, len(n.Items))
	for i, it := range n.Items {
		out[i] = Scalar{Value: it.String(), Node: it}
	}
	return out
}

// keys reads the keys of the mapping under key in e.
func keys(e *Base, key string) []Scalar {
	pairs := e.Value.Get(key).PairsOrNil()
	if len(pairs) == 0 {
		return nil
	}
	out := make([]Scalar, len(pairs))
	for i, p := range pairs {
		out[i] = Scalar{Value: p.Key.Value, Node: p.Key}
	}
	return out
}
