package convert

import (
	"slices"
	"strconv"

	"asyncapi-ls/analysis/syntax"
)

// node is one value of the document being rewritten, as the conversion sees
// it: an original value (orig set), possibly changed, or new content. Its
// children are materialised from orig only when the conversion reads them,
// so a big document costs little beyond the parts that change. The printer
// copies the original text of every part that did not change.
type node struct {
	orig *syntax.Node // the original value; nil for new content
	// alias is the original alias node when orig is what it points to: the
	// alias is printed as it is while nothing below it changes.
	alias *syntax.Node
	// expanded: the alias is written out in full, as its target (see
	// run.expandAliases).
	expanded bool
	kind     syntax.Kind

	// A scalar's value when it is new or replaced (orig keeps the style).
	value    string
	tag      string
	replaced bool

	open    bool // entries/items materialised from orig
	entries []*entry
	items   []*node
	flow    bool // new collections: written in flow style
	// lead holds, for a new sequence item, the comment lines of the
	// original item it replaces.
	lead []span
	// blankLike, for a new mapping, is an original one whose way of
	// separating entries (blank lines or not) it follows.
	blankLike *syntax.Node

	dirtyMemo int8 // 0 unknown, 1 clean, 2 dirty (computed once, when printing)
}

// entry is one key of a mapping node.
type entry struct {
	key    string
	pair   *syntax.Pair // the original entry; nil for a new one
	holder *syntax.Node // the original mapping of pair
	idx    int          // the index of pair in holder
	value  *node
	// lead holds the comment lines of entries that gave way to this one,
	// written before it.
	lead []span
}

// span is a stretch of whole lines of the original text, written for
// column col.
type span struct{ start, end, col int }

// wrap makes the node of an original value.
func wrap(n *syntax.Node) *node {
	if n == nil {
		return nil
	}
	if n.Kind == syntax.Alias {
		if t := n.Resolve(); t != nil {
			return &node{orig: t, alias: n, kind: t.Kind}
		}
	}
	return &node{orig: n, kind: n.Kind}
}

// newMap makes a new mapping from key, value pairs in order.
func newMap(kv ...any) *node {
	m := &node{kind: syntax.Mapping, open: true}
	for i := 0; i+1 < len(kv); i += 2 {
		m.entries = append(m.entries, &entry{key: kv[i].(string), value: kv[i+1].(*node)})
	}
	return m
}

// origMap is the original mapping n stands for, or nil.
func (n *node) origMap() *syntax.Node {
	if n.isMap() && n.orig != nil {
		return n.orig
	}
	return nil
}

// newSeq makes a new sequence.
func newSeq(items ...*node) *node {
	return &node{kind: syntax.Sequence, open: true, items: items}
}

// newStr makes a new string scalar.
func newStr(s string) *node { return &node{kind: syntax.Scalar, value: s, tag: "!!str"} }

func (n *node) isMap() bool { return n != nil && n.kind == syntax.Mapping }
func (n *node) isSeq() bool { return n != nil && n.kind == syntax.Sequence }

// materialise builds the children of an original collection.
func (n *node) materialise() {
	if n.open {
		return
	}
	n.open = true
	if n.orig == nil {
		return
	}
	switch n.kind {
	case syntax.Mapping:
		n.entries = make([]*entry, 0, len(n.orig.Pairs))
		for i := range n.orig.Pairs {
			p := &n.orig.Pairs[i]
			n.entries = append(n.entries, &entry{key: p.Key.Value, pair: p, holder: n.orig, idx: i, value: wrap(p.Value)})
		}
	case syntax.Sequence:
		n.items = make([]*node, 0, len(n.orig.Items))
		for _, it := range n.orig.Items {
			n.items = append(n.items, wrap(it))
		}
	}
}

// Entries returns the entries of a mapping, in order.
func (n *node) entryList() []*entry {
	if !n.isMap() {
		return nil
	}
	n.materialise()
	return n.entries
}

// itemList returns the items of a sequence.
func (n *node) itemList() []*node {
	if !n.isSeq() {
		return nil
	}
	n.materialise()
	return n.items
}

// index is the position of key in a mapping, or -1. With duplicate keys the
// last one counts, as in the parsed data.
func (n *node) index(key string) int {
	es := n.entryList()
	for i := len(es) - 1; i >= 0; i-- {
		if es[i].key == key && !es[i].merge() {
			return i
		}
	}
	return -1
}

// merge reports a YAML merge key (<<), which is no data key.
func (e *entry) merge() bool { return e.pair != nil && e.pair.Key.Tag() == "!!merge" }

// get returns the value under key, or nil.
func (n *node) get(key string) *node {
	if i := n.index(key); i >= 0 {
		return n.entries[i].value
	}
	return nil
}

// has reports whether a mapping holds key.
func (n *node) has(key string) bool { return n.index(key) >= 0 }

// str is the text of a string scalar ("" for anything else).
func (n *node) str() string {
	if n == nil || n.kind != syntax.Scalar {
		return ""
	}
	if n.orig == nil || n.replaced {
		return n.value
	}
	return n.orig.String()
}

// isString reports a scalar that is a string in the data.
func (n *node) isString() bool {
	if n == nil || n.kind != syntax.Scalar {
		return false
	}
	if n.orig == nil || n.replaced {
		return n.tag == "!!str"
	}
	return n.orig.Tag() == "!!str"
}

// isNull reports an absent value or an explicit null.
func (n *node) isNull() bool {
	if n == nil {
		return true
	}
	if n.kind != syntax.Scalar {
		return false
	}
	if n.orig == nil || n.replaced {
		return n.tag == "!!null"
	}
	return n.orig.Tag() == "!!null"
}

// del removes key from a mapping and returns its value (nil when absent).
func (n *node) del(key string) *node {
	i := n.index(key)
	if i < 0 {
		return nil
	}
	v := n.entries[i].value
	n.entries = slices.Delete(n.entries, i, i+1)
	return v
}

// set replaces the value of key, keeping its place, or adds key at the end.
func (n *node) set(key string, v *node) {
	if i := n.index(key); i >= 0 {
		n.entries[i].value = v
		return
	}
	n.entries = append(n.entries, &entry{key: key, value: v})
}

// insert puts a new key at position i (clamped to the mapping), replacing
// an entry with the same key.
func (n *node) insert(i int, key string, v *node) { n.put(i, &entry{key: key, value: v}) }

// take removes the entry of key and returns it, or nil when absent; put
// it elsewhere to move it with its comments.
func (n *node) take(key string) *entry {
	i := n.index(key)
	if i < 0 {
		return nil
	}
	e := n.entries[i]
	n.entries = slices.Delete(n.entries, i, i+1)
	return e
}

// put inserts e at position i (clamped), replacing an entry with its key.
func (n *node) put(i int, e *entry) {
	if j := n.index(e.key); j >= 0 {
		n.entries = slices.Delete(n.entries, j, j+1)
		if j < i {
			i--
		}
	}
	i = max(0, min(i, len(n.entries)))
	n.entries = slices.Insert(n.entries, i, e)
}

// rename gives the entry of old the key new, in place.
func (n *node) rename(old, new string) {
	if i := n.index(old); i >= 0 {
		n.entries[i].key = new
	}
}

// setScalar replaces the value of a scalar, keeping its original style.
func (n *node) setScalar(value string) {
	n.value, n.tag, n.replaced = value, "!!str", true
}

// clone copies n so that the copy can change on its own; both keep the
// original text they come from.
func (n *node) clone() *node {
	if n == nil {
		return nil
	}
	c := *n
	c.dirtyMemo = 0
	if n.open {
		c.entries = make([]*entry, len(n.entries))
		for i, e := range n.entries {
			c.entries[i] = &entry{key: e.key, pair: e.pair, holder: e.holder, idx: e.idx, value: e.value.clone(), lead: e.lead}
		}
		c.items = make([]*node, len(n.items))
		for i, it := range n.items {
			c.items[i] = it.clone()
		}
	}
	return &c
}

// dirty reports whether n prints differently from its original text.
func (n *node) dirty() bool {
	if n.dirtyMemo != 0 {
		return n.dirtyMemo == 2
	}
	d := n.computeDirty()
	n.dirtyMemo = 1
	if d {
		n.dirtyMemo = 2
	}
	return d
}

func (n *node) computeDirty() bool {
	if n.orig == nil || n.replaced || n.expanded {
		return true
	}
	if !n.open {
		return false
	}
	switch n.kind {
	case syntax.Mapping:
		if len(n.entries) != len(n.orig.Pairs) {
			return true
		}
		for i, e := range n.entries {
			if e.pair != &n.orig.Pairs[i] || e.key != e.pair.Key.Value || e.value.orig != e.pair.Value.Resolve() || e.value.dirty() {
				return true
			}
		}
	case syntax.Sequence:
		if len(n.items) != len(n.orig.Items) {
			return true
		}
		for i, it := range n.items {
			if it.orig != n.orig.Items[i].Resolve() || it.dirty() {
				return true
			}
		}
	}
	return false
}

// pointer follows tokens from n through mappings and sequences.
func (n *node) pointer(tokens []string) *node {
	for _, t := range tokens {
		switch {
		case n.isMap():
			n = n.get(t)
		case n.isSeq():
			i, err := strconv.Atoi(t)
			items := n.itemList()
			if err != nil || i < 0 || i >= len(items) || strconv.Itoa(i) != t {
				return nil
			}
			n = items[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}
