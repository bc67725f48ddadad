package syntax

import "strconv"

// Location describes what lies at an offset.
type Location struct {
	// Path holds the keys and sequence indices (as decimal strings) from the
	// root to Node.
	Path []string
	// Node is the innermost node whose span holds the offset: a value, or a
	// key when OnKey is set.
	Node  *Node
	OnKey bool
	// Ancestors are the collections enclosing Node, outermost first.
	Ancestors []*Node
}

// At returns the innermost node at offset. With OnKey the last Path element
// is the key itself.
func At(root *Node, offset int) Location {
	var loc Location
	n := root
	for n != nil && n.Contains(offset) {
		loc.Node = n
		var next *Node
		switch n.Kind {
		case Mapping:
			for i := range n.Pairs {
				p := &n.Pairs[i]
				if p.Key.Contains(offset) {
					loc.Ancestors = append(loc.Ancestors, n)
					loc.Path = append(loc.Path, p.Key.Value)
					loc.Node, loc.OnKey = p.Key, true
					return loc
				}
				if p.Value.Contains(offset) && (p.Value.End > p.Value.Start || offset == p.Value.Start) {
					loc.Path = append(loc.Path, p.Key.Value)
					next = p.Value
					break
				}
			}
		case Sequence:
			for i, it := range n.Items {
				if it.Contains(offset) {
					loc.Path = append(loc.Path, strconv.Itoa(i))
					next = it
					break
				}
			}
		}
		if next == nil {
			return loc
		}
		loc.Ancestors = append(loc.Ancestors, n)
		n = next
	}
	return loc
}

// Find follows path (keys and decimal indices) from n, through aliases.
func (n *Node) Find(path ...string) *Node {
	for _, step := range path {
		n = n.Resolve()
		if n == nil {
			return nil
		}
		switch n.Kind {
		case Mapping:
			n = n.Get(step)
		case Sequence:
			i, err := strconv.Atoi(step)
			if err != nil || i < 0 || i >= len(n.Items) {
				return nil
			}
			n = n.Items[i]
		default:
			return nil
		}
	}
	return n
}

// FindPair returns the mapping entry that path ends in, or nil.
func (n *Node) FindPair(path ...string) *Pair {
	if len(path) == 0 {
		return nil
	}
	return n.Find(path[:len(path)-1]...).Entry(path[len(path)-1])
}
