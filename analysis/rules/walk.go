package rules

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// opaque keys hold user data or schemas rather than AsyncAPI objects: a
// "tags" key inside an example payload is not a Tags Object.
var opaque = map[string]bool{
	"payload": true, "headers": true, "examples": true, "example": true, "schemas": true, "schema": true,
	"properties": true, "bindings": true, "default": true, "const": true, "enum": true, "x-": true,
}

// walkSpec calls fn for every entry of every AsyncAPI object of the tree
// (not inside schemas, examples, bindings or extensions); aliases are not
// followed, so shared YAML content is seen once.
func walkSpec(n *syntax.Node, fn func(key string, value *syntax.Node)) {
	if n == nil {
		return
	}
	switch n.Kind {
	case syntax.Mapping:
		for _, p := range n.Pairs {
			k := p.Key.Value
			fn(k, p.Value)
			if opaque[k] || strings.HasPrefix(k, "x-") {
				continue
			}
			walkSpec(p.Value, fn)
		}
	case syntax.Sequence:
		for _, it := range n.Items {
			walkSpec(it, fn)
		}
	}
}

func quote(s string) string { return strconv.Quote(s) }
