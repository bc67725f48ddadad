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
type Node struct {
	Kind   Kind
	Quoted bool // a quoted scalar (a JSON string is always quoted)
	Flow   bool // a flow collection ({} or [])
	Start  int
	End    int
	Value  string // decoded scalar text; the anchor name for an Alias
	Tag    string // resolved tag: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq or a custom one
	Pairs  []Pair // Mapping entries in source order
	Items  []*Node
	Target *Node // what an Alias points to

	// keys indexes the last entry of each key of a big mapping (see
	// IndexKeys); keyed is len(Pairs) when it was built, to notice staleness.
	// (The field order keeps a node at 128 bytes, one size class.)
	keys  map[string]int32
	keyed int
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
	n.keys = make(map[string]int32, len(n.Pairs))
	for i, p := range n.Pairs {
		n.keys[p.Key.Value] = int32(i)
	}
	n.keyed = len(n.Pairs)
}

// IndexKeysLike is IndexKeys for a mapping built again from like's entries
// (the next version of a text, or a copy at other offsets): when both have
// the same keys in the same order, n shares like's index, which is never
// written once built.
func (n *Node) IndexKeysLike(like *Node) {
	if n.Kind == Mapping && like != nil && like.keys != nil && like.keyed == len(like.Pairs) && len(like.Pairs) == len(n.Pairs) {
		same := true
		for i, p := range n.Pairs {
			if k := like.Pairs[i].Key; p.Key != k && p.Key.Value != k.Value {
				same = false
				break
			}
		}
		if same {
			n.keys, n.keyed = like.keys, len(n.Pairs)
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
	if n.keys != nil && n.keyed == len(n.Pairs) {
		return len(n.keys) < len(n.Pairs)
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
func (n *Node) IsNull() bool { return n == nil || (n.Kind == Scalar && n.Tag == "!!null") }

// Resolve follows an alias to its target.
func (n *Node) Resolve() *Node {
	for i := 0; n != nil && n.Kind == Alias && i < 64; i++ {
		n = n.Target
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
	if n.keys != nil && n.keyed == len(n.Pairs) {
		i, ok := n.keys[key]
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
	if n == nil || n.Kind != Scalar || n.Tag == "!!null" {
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
