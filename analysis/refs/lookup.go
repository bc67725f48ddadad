package refs

import (
	"errors"
	"strconv"

	"asyncapi-ls/analysis/syntax"
)

// Loader returns the parsed root of the document at a canonical URI. It is
// the caller's view of the workspace: open buffers first, then the disk.
type Loader func(uri string) (*syntax.Node, error)

// Target is the place a key leads to.
type Target struct {
	URI    string       // canonical URI of the document holding the target
	Tokens []string     // the pointer followed inside that document
	Key    *syntax.Node // the mapping key naming the target; nil for a root or a sequence item
	Value  *syntax.Node
}

// MissingError reports a pointer that leads nowhere: Depth tokens were found,
// the next one is not a key (or index) of Parent.
type MissingError struct {
	URI    string
	Tokens []string
	Depth  int
	Parent *syntax.Node
}

func (e *MissingError) Error() string {
	return `"` + FormatPointer(e.Tokens[:e.Depth+1]) + `" does not exist`
}

// Candidates are the names that exist where the missing token was looked up.
func (e *MissingError) Candidates() []string {
	p := e.Parent.Resolve()
	if p == nil || p.Kind != syntax.Mapping {
		return nil
	}
	out := make([]string, 0, len(p.Pairs))
	for _, pair := range p.Pairs {
		out = append(out, pair.Key.Value)
	}
	return out
}

// LoadError reports a document that could not be read.
type LoadError struct {
	URI string
	Err error
}

func (e *LoadError) Error() string { return e.Err.Error() }
func (e *LoadError) Unwrap() error { return e.Err }

// ErrTooDeep stops a pointer that hops through too many references.
var ErrTooDeep = errors.New("the pointer passes through too many references")

const maxHops = 32

// Lookup follows key to its target. A pointer that passes through a
// reference object ({"$ref": ...} lacking the next token) continues at that
// reference's target, as resolvers do.
func Lookup(load Loader, key Key) (Target, error) {
	return lookup(load, key, 0)
}

func lookup(load Loader, key Key, hops int) (Target, error) {
	if hops > maxHops {
		return Target{}, ErrTooDeep
	}
	root, err := load(key.URI)
	if err != nil {
		return Target{}, &LoadError{URI: key.URI, Err: err}
	}
	if root == nil {
		return Target{}, &LoadError{URI: key.URI, Err: errors.New("the document does not parse")}
	}
	t := Target{URI: key.URI, Tokens: key.Tokens, Value: root}
	n := root
	for i, tok := range key.Tokens {
		n = n.Resolve()
		next, name := step(n, tok)
		if next == nil {
			if via := refValue(n); via != "" {
				inner, err := Resolve(key.URI, via)
				if err != nil {
					return Target{}, err
				}
				rest := append(append([]string(nil), inner.Tokens...), key.Tokens[i:]...)
				return lookup(load, Key{URI: inner.URI, Tokens: rest}, hops+1)
			}
			return Target{}, &MissingError{URI: key.URI, Tokens: key.Tokens, Depth: i, Parent: n}
		}
		t.Key, t.Value, n = name, next, next
	}
	return t, nil
}

// errOtherDocument stops Find at a reference into another document.
var errOtherDocument = errors.New("the reference leads into another document")

// Find follows tokens inside the document root alone, as Lookup does: a
// reference object met on the way is followed when it points inside the
// same document; one into another document ends the search.
func Find(root *syntax.Node, tokens []string) (Target, error) {
	only := func(uri string) (*syntax.Node, error) {
		if uri != "" {
			return nil, errOtherDocument
		}
		return root, nil
	}
	return Lookup(only, Key{Tokens: tokens})
}

// step goes one token down from n: a mapping key or a sequence index.
func step(n *syntax.Node, tok string) (value, key *syntax.Node) {
	if n == nil {
		return nil, nil
	}
	switch n.Kind {
	case syntax.Mapping:
		if p := n.Entry(tok); p != nil {
			return p.Value, p.Key
		}
	case syntax.Sequence:
		i, err := strconv.Atoi(tok)
		if err == nil && i >= 0 && i < len(n.Items) && strconv.Itoa(i) == tok {
			return n.Items[i], nil
		}
	}
	return nil, nil
}

// refValue is the "$ref" string of a reference object, or "".
func refValue(n *syntax.Node) string {
	n = n.Resolve()
	if n == nil || n.Kind != syntax.Mapping {
		return ""
	}
	v := n.Get("$ref").Resolve()
	if v == nil || v.Kind != syntax.Scalar {
		return ""
	}
	return v.Value
}

// RefNode returns the "$ref" value node of a reference object, or nil.
func RefNode(n *syntax.Node) *syntax.Node {
	n = n.Resolve()
	if n == nil || n.Kind != syntax.Mapping {
		return nil
	}
	v := n.Get("$ref")
	if r := v.Resolve(); r == nil || r.Kind != syntax.Scalar || r.Tag() == "!!null" {
		return nil
	}
	return v
}
