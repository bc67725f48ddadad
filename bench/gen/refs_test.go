package gen

import (
	"strconv"
	"strings"
	"testing"
)

// walkRefs calls fn with every $ref string in v.
func walkRefs(v any, fn func(string)) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if s, ok := x.(string); ok && k == "$ref" {
				fn(s)
				continue
			}
			walkRefs(x, fn)
		}
	case []any:
		for _, x := range t {
			walkRefs(x, fn)
		}
	}
}

// resolvePointer follows a JSON pointer ("/a/b~1c") inside doc.
func resolvePointer(doc any, ptr string) bool {
	if ptr == "" {
		return true
	}
	cur := doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch t := cur.(type) {
		case map[string]any:
			next, ok := t[tok]
			if !ok {
				return false
			}
			cur = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(t) {
				return false
			}
			cur = t[i]
		default:
			return false
		}
	}
	return true
}

// checkLocalRefs fails on any $ref that is not a resolvable "#/..." pointer.
func checkLocalRefs(t *testing.T, doc any) {
	t.Helper()
	n := 0
	walkRefs(doc, func(r string) {
		n++
		if !strings.HasPrefix(r, "#") || !resolvePointer(doc, r[1:]) {
			t.Errorf("unresolved $ref %q", r)
		}
	})
	if n == 0 {
		t.Error("document has no $ref at all")
	}
}
