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
	defs   map[defKey]Element
	// named holds what each 2.x name (a server's, a security scheme's)
	// stands for, so that its site is read once.
	named map[string]Element
}

type loaded struct {
	root *syntax.Node
	err  error
}

// defKey names a definition: a value, read as one kind. (A wrong "$ref"
// may make the same value be read as two kinds.) Keying by the node, not
// the place, makes YAML aliases of one value share its definition: a
// document full of aliases costs no more than its text.
type defKey struct {
	node *syntax.Node
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

// follow resolves n, written at at, and records the reference followed.
func (b *builder) follow(at Location, n *syntax.Node) reached {
	r := follow(b.load, at, n)
	if r.ref != nil {
		b.m.refs = append(b.m.refs, r.ref)
		if r.value != nil {
			b.m.refsTo[r.value] = append(b.m.refsTo[r.value], r.ref)
		}
	}
	return r
}

// follow resolves n, written at at: itself, or the end of its chain of
// references.
func follow(load refs.Loader, at Location, n *syntax.Node) reached {
	n = n.Resolve()
	refNode := refs.RefNode(n)
	if refNode == nil {
		return reached{value: n, loc: at}
	}
	ref := &Ref{Node: refNode, At: at}
	r := reached{ref: ref, loc: at}
	base, value := at.URI, refNode.Resolve().Value
	var seen map[*syntax.Node]bool // made on the second hop
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
		t, err := refs.Lookup(load, key)
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
			return r
		}
		if seen == nil {
			seen = map[*syntax.Node]bool{refNode: true}
		}
		if seen[next] {
			ref.Err = ErrCycle
			return r
		}
		seen[next] = true
		base, value = t.URI, next.Resolve().Value
	}
}

// Follow resolves the value n written at at: n itself when it is not a
// reference object, else the value at the end of its chain of references
// (read through load), where that is, and the reference (with Err set when
// it leads nowhere, value nil then). For values the model does not model,
// such as schemas inside a payload.
func Follow(load refs.Loader, at Location, n *syntax.Node) (value *syntax.Node, loc Location, ref *Ref) {
	r := follow(load, at, n)
	return r.value, r.loc, r.ref
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

// mapSites are the entries of the mapping n written at at. A key written
// twice counts once, the last, as in the data (the first is reported as a
// duplicate elsewhere); merge keys are left aside.
func mapSites(at Location, n *syntax.Node) []site {
	if !isObject(n) {
		return nil
	}
	pairs := n.PairsOrNil()
	out := make([]site, 0, len(pairs))
	for i := range pairs {
		p := &pairs[i]
		if p.Key.Tag() == "!!merge" || n.Entry(p.Key.Value) != p {
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
// references. Each value is read once per kind: a definition that several
// references (or aliases) reach is built once, and each use gets a copy
// that differs only in Key, KeyNode, Ref and Problem. fill reads the
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
	dk := defKey{r.value, kind}
	def, ok := b.defs[dk].(P)
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
		b.defs[dk] = def
		fill(def)
	}
	if r.ref == nil && def.Common().KeyNode == s.keyNode {
		return def, def
	}
	// A use through a reference, or a YAML alias of a value met before.
	use = P(new(T))
	*use = *def
	ub := use.Common()
	ub.Ref = r.ref
	if r.ref == nil {
		ub.Key, ub.KeyNode = s.key, s.keyNode
		return use, def
	}
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

// list builds the elements of sites: nil for no sites, empty for an
// empty list or map (see Base).
func list[T any, P elementPtr[T]](b *builder, sites []site, kind Kind, fill func(P)) []P {
	if sites == nil {
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
