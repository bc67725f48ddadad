package schemas

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Hole stands, in a document given to Validate, for a value that is
// validated on its own with ValidateAt: Validate accepts it wherever it is,
// without looking at it. Incremental analysis validates a skeleton of the
// document (its keys, with holes for the values) plus one cached ValidateAt
// per section, which together report what Validate reports on the whole.
var Hole any = hole{}

type hole struct{}

// ErrNotSeparable reports a path whose value the schema cannot judge on its
// own: an enclosing schema chooses between alternatives (oneOf, anyOf,
// if/then), depends on other members, or is not a plain object schema.
var ErrNotSeparable = errors.New("schemas: the value at this path is not validated independently of its parents")

// Separable reports whether ValidateAt can validate the value at path (map
// keys from the root) independently of the rest of the document, so that a
// Hole may stand for it.
func Separable(version string, path []string) bool {
	sp, err := load(version)
	if err != nil {
		return false
	}
	var b strings.Builder
	for _, tok := range path { // lengths first: any key may hold any byte
		b.WriteString(strconv.Itoa(len(tok)))
		b.WriteByte(':')
		b.WriteString(tok)
	}
	key := b.String()
	if ok, known := sp.separable.Load(key); known {
		return ok.(bool)
	}
	_, ok := sp.memberSchemas(path)
	if sp.separables.Add(1) <= maxSeparable {
		sp.separable.Store(key, ok)
	}
	return ok
}

// ValidateAt validates value as the member of a document of version at path
// (map keys from the root): it reports what Validate would report about that
// member and everything under it, with the same paths and messages. It
// fails with ErrNotSeparable when Separable(version, path) is false.
func ValidateAt(version string, path []string, value any) ([]Problem, error) {
	sp, err := load(version)
	if err != nil {
		return nil, err
	}
	nodes, ok := sp.memberSchemas(path)
	if !ok {
		return nil, ErrNotSeparable
	}
	c := &checker{}
	valid := true
	for _, n := range nodes {
		if !c.check(n, value) {
			valid = false
			break
		}
	}
	if valid {
		return nil, nil
	}
	c.collect = true
	c.path = slices.Clone(path)
	for _, n := range nodes {
		c.check(n, value)
	}
	// The messages read values at full instance paths.
	doc := value
	for i := len(path) - 1; i >= 0; i-- {
		doc = map[string]any{path[i]: doc}
	}
	return sp.problems(c.errs, doc), nil
}

// memberSchemas returns the schemas an object validation applies to the
// member at path, as object() does; false when a schema on the way does more
// than check its members one by one (then the member cannot be judged alone).
func (sp *spec) memberSchemas(path []string) ([]*node, bool) {
	nodes := []*node{sp.root}
	for _, tok := range path {
		var next []*node
		for _, n := range nodes {
			for n.ref != nil && n.boolean == nil {
				n = n.ref
			}
			if !n.separatesMembers() {
				return nil, false
			}
			next = append(next, n.child(tok)...)
		}
		nodes = next
	}
	return nodes, true
}

// separatesMembers reports whether n judges an object's members each on its
// own: besides properties, patternProperties and additionalProperties, it
// asserts only things a skeleton with holes keeps (type, required, the
// number and names of keys).
func (n *node) separatesMembers() bool {
	if n.boolean != nil || n.allOf != nil || n.anyOf != nil || n.oneOf != nil || n.not != nil || n.ifN != nil ||
		n.enum != nil || n.konst != nil || n.format != nil || n.types&^tObject != 0 {
		return false
	}
	for _, d := range n.deps {
		if _, ok := d.(*node); ok {
			return false
		}
	}
	return true
}
