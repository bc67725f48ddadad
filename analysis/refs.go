package analysis

import (
	"errors"
	"net/url"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// Ref is a parsed "$ref" value: an optional file part and a JSON pointer.
type Ref struct {
	File    string   // "" for a reference inside the same document
	Pointer []string // unescaped tokens; empty for the whole document
}

// ErrBadPointer reports a fragment that is not a JSON pointer.
var ErrBadPointer = errors.New(`a JSON pointer must start with "/"`)

// ParseRef splits a reference into file and pointer. Percent-decoding comes
// first, then "~1" → "/" and "~0" → "~" per token, in that order.
func ParseRef(value string) (Ref, error) {
	file, fragment, _ := strings.Cut(value, "#")
	r := Ref{File: file}
	if fragment == "" {
		return r, nil
	}
	decoded, err := url.PathUnescape(fragment)
	if err != nil {
		return r, err
	}
	if !strings.HasPrefix(decoded, "/") {
		return r, ErrBadPointer
	}
	for _, tok := range strings.Split(decoded[1:], "/") {
		tok = strings.ReplaceAll(tok, "~1", "/")
		r.Pointer = append(r.Pointer, strings.ReplaceAll(tok, "~0", "~"))
	}
	return r, nil
}

// RefAt returns the "$ref" value node at offset, if the offset is on one.
func RefAt(root *syntax.Node, offset int) *syntax.Node {
	loc := syntax.At(root, offset)
	if loc.OnKey || loc.Node == nil || len(loc.Path) == 0 || loc.Path[len(loc.Path)-1] != "$ref" {
		return nil
	}
	if loc.Node.Kind != syntax.Scalar {
		return nil
	}
	return loc.Node
}

// Target is where a reference leads inside one document: the key that names
// the target (nil for the document root) and the target value.
type Target struct {
	Key   *syntax.Node
	Value *syntax.Node
}

// ResolveLocal follows a pointer inside root.
func ResolveLocal(root *syntax.Node, pointer []string) (Target, bool) {
	if len(pointer) == 0 {
		return Target{Value: root}, root != nil
	}
	value := root.Find(pointer...)
	if value == nil {
		return Target{}, false
	}
	t := Target{Value: value}
	if p := root.FindPair(pointer...); p != nil {
		t.Key = p.Key
	}
	return t, true
}
