package syntax

// Kind is the shape of a node.
type Kind uint8

const (
	Scalar Kind = iota
	Mapping
	Sequence
	Alias
)

// Node is a YAML or JSON value with the byte span [Start, End) of its text.
// A key with no value gets a Scalar node with tag "!!null" and an empty span
// just after the colon.
//
// A big document has hundreds of thousands of nodes, so a node stays at 96
// bytes (a size class): its tag is a byte for the tags YAML resolves, and
// what few nodes have (a custom tag, an alias target, a key index) is held
// apart, in rare.
type Node struct {
	Kind   Kind
	Quoted bool // a quoted scalar (a JSON string is always quoted)
	Flow   bool // a flow collection ({} or [])
	tag    tagCode
	Start  int
	End    int
	Value  string // decoded scalar text; the anchor name for an Alias
	Pairs  []Pair // Mapping entries in source order
	Items  []*Node
	rare   *rareParts
}

// NewMapping is a block mapping of pairs, without a span.
func NewMapping(pairs ...Pair) *Node { return &Node{Kind: Mapping, tag: tagMap, Pairs: pairs} }

// NewString is a plain string scalar, without a span.
func NewString(value string) *Node { return &Node{Kind: Scalar, tag: tagStr, Value: value} }

// rareParts are the parts of a node that few nodes have. They are never
// written once the node is shared: setters give the node its own copy.
type rareParts struct {
	tag    string // a tag outside commonTags
	target *Node  // what an Alias points to
	// keys indexes the last entry of each key of a big mapping (see
	// IndexKeys); keyed is len(Pairs) when it was built, to notice staleness.
	keys  map[string]int32
	keyed int
}

// tagCode is a tag of commonTags by its index, or customTag.
type tagCode uint8

// commonTags are the tags the YAML core schema resolves, and merge keys.
var commonTags = [...]string{"", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!merge", "!!binary", "!!timestamp"}

const (
	tagStr   tagCode = 1
	tagInt   tagCode = 2
	tagFloat tagCode = 3
	tagBool  tagCode = 4
	tagNull  tagCode = 5
	tagMap   tagCode = 6
	tagSeq   tagCode = 7
	tagMerge tagCode = 8

	customTag tagCode = 255
)

// Tag is the resolved tag of n: !!str, !!int, !!float, !!bool, !!null,
// !!map, !!seq or a custom one.
func (n *Node) Tag() string {
	if n.tag == customTag {
		return n.rare.tag
	}
	return commonTags[n.tag]
}

// SetTag sets the resolved tag of n.
func (n *Node) SetTag(tag string) {
	if n.tag = codeOf(tag); n.tag == customTag {
		n.ownRare().tag = tag
	}
}

// codeOf is the code of tag.
func codeOf(tag string) tagCode {
	for i, t := range commonTags {
		if t == tag {
			return tagCode(i)
		}
	}
	return customTag
}

// Target is what alias n points to (nil for any other node).
func (n *Node) Target() *Node {
	if n.rare == nil {
		return nil
	}
	return n.rare.target
}

// SetTarget makes n point to target; n is an Alias.
func (n *Node) SetTarget(target *Node) { n.ownRare().target = target }

// ownRare gives n rare parts of its own to write (a node copied by value
// shares its original's).
func (n *Node) ownRare() *rareParts {
	r := &rareParts{}
	if n.rare != nil {
		*r = *n.rare
	}
	n.rare = r
	return r
}

// index is the key index of n while it is current, or nil.
func (n *Node) index() map[string]int32 {
	if n.rare == nil || n.rare.keys == nil || n.rare.keyed != len(n.Pairs) {
		return nil
	}
	return n.rare.keys
}

// minIndexedPairs is the size from which a mapping gets a key index: "$ref"
// lookups in a channels or components mapping must not scan thousands.
const minIndexedPairs = 16

// IndexKeys builds the key index of a big mapping; builders call it once
// the entries are in place. Trees are read concurrently afterwards, so the
// index is never built lazily.
func (n *Node) IndexKeys() {
	if n.Kind != Mapping || len(n.Pairs) < minIndexedPairs {
		return
	}
	keys := make(map[string]int32, len(n.Pairs))
	for i, p := range n.Pairs {
		keys[p.Key.Value] = int32(i)
	}
	r := n.ownRare()
	r.keys, r.keyed = keys, len(n.Pairs)
}

// IndexKeysLike is IndexKeys for a mapping built again from like's entries
// (the next version of a text, or a copy at other offsets): when both have
// the same keys in the same order, n shares like's index, which is never
// written once built.
func (n *Node) IndexKeysLike(like *Node) {
	if n.Kind == Mapping && like != nil && like.index() != nil && len(like.Pairs) == len(n.Pairs) {
		same := true
		for i, p := range n.Pairs {
			if k := like.Pairs[i].Key; p.Key != k && p.Key.Value != k.Value {
				same = false
				break
			}
		}
		if same {
			r := n.ownRare()
			r.keys, r.keyed = like.rare.keys, len(n.Pairs)
			return
		}
	}
	n.IndexKeys()
}

// RepeatsKeys reports whether a key of mapping n is written twice.
func (n *Node) RepeatsKeys() bool {
	if n == nil || n.Kind != Mapping {
		return false
	}
	if keys := n.index(); keys != nil {
		return len(keys) < len(n.Pairs)
	}
	for i, p := range n.Pairs {
		if n.EntryIndex(p.Key.Value) != i {
			return true
		}
	}
	return false
}

// Pair is one mapping entry.
type Pair struct {
	Key   *Node
	Value *Node
}

// IsNull reports whether n is absent or an explicit null.
func (n *Node) IsNull() bool { return n == nil || (n.Kind == Scalar && n.tag == tagNull) }

// Resolve follows an alias to its target.
func (n *Node) Resolve() *Node {
	for i := 0; n != nil && n.Kind == Alias && i < 64; i++ {
		n = n.Target()
	}
	return n
}

// Entry returns the pair whose key is key, or nil. With duplicate keys the
// last one wins, as in the parsed data.
func (n *Node) Entry(key string) *Pair {
	n = n.Resolve()
	if i := n.EntryIndex(key); i >= 0 {
		return &n.Pairs[i]
	}
	return nil
}

// EntryIndex is the index in n.Pairs of the pair Entry returns, or -1 (n is
// not resolved: an alias has no pairs).
func (n *Node) EntryIndex(key string) int {
	if n == nil || n.Kind != Mapping {
		return -1
	}
	if keys := n.index(); keys != nil {
		i, ok := keys[key]
		if !ok {
			return -1
		}
		if n.Pairs[i].Key.Value == key {
			return int(i)
		}
	}
	for i := len(n.Pairs) - 1; i >= 0; i-- {
		if n.Pairs[i].Key.Value == key {
			return i
		}
	}
	return -1
}

// Get returns the value under key, or nil.
func (n *Node) Get(key string) *Node {
	if p := n.Entry(key); p != nil {
		return p.Value
	}
	return nil
}

// String returns the scalar text of n, or "" when n is not a scalar.
func (n *Node) String() string {
	n = n.Resolve()
	if n == nil || n.Kind != Scalar || n.tag == tagNull {
		return ""
	}
	return n.Value
}

// Contains reports whether offset lies within n's span (end inclusive, so
// that a cursor just after a word still belongs to it).
func (n *Node) Contains(offset int) bool {
	return n != nil && offset >= n.Start && offset <= n.End
}

// PairsOrNil returns the entries of a mapping, nil for anything else.
func (n *Node) PairsOrNil() []Pair {
	if n = n.Resolve(); n == nil || n.Kind != Mapping {
		return nil
	}
	return n.Pairs
}
