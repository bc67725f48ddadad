package analysis

import (
	"regexp"
	"strconv"

	"asyncapi-ls/analysis/syntax"
)

// SpineData converts just enough of root into plain data for schemas.At to
// choose between schema alternatives along path: every mapping on the path
// keeps its scalar members (a "type", a "bindingVersion", a "$ref"), the
// member the path continues into, and empty stand-ins for the rest; empty
// (null) members are left out. It costs the size of the path, not of the
// document.
func SpineData(root *syntax.Node, path []string) any {
	return spine(root.Resolve(), path, 0)
}

func spine(n *syntax.Node, path []string, depth int) any {
	if n == nil || depth > 64 {
		return nil
	}
	switch n.Kind {
	case syntax.Mapping:
		out := make(map[string]any, len(n.Pairs))
		for _, p := range n.Pairs {
			v := p.Value.Resolve()
			switch {
			case len(path) > 0 && p.Key.Value == path[0]:
				out[p.Key.Value] = spine(v, path[1:], depth+1)
			case v == nil || v.IsNull():
				// An empty value is one still to be written: it must not
				// steer the choice between alternatives.
			case v.Kind == syntax.Mapping:
				out[p.Key.Value] = map[string]any{}
			case v.Kind == syntax.Sequence:
				out[p.Key.Value] = []any{}
			default:
				out[p.Key.Value], _ = v.Data()
			}
		}
		return out
	case syntax.Sequence:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			if len(path) > 0 && strconv.Itoa(i) == path[0] {
				out[i] = spine(it.Resolve(), path[1:], depth+1)
			} else if r := it.Resolve(); r != nil && r.Kind == syntax.Mapping {
				out[i] = map[string]any{}
			} else if r != nil && r.Kind == syntax.Sequence {
				out[i] = []any{} // not Data: a nested alias could expand to millions
			} else {
				out[i], _ = it.Data()
			}
		}
		return out
	}
	v, _ := n.Data()
	return v
}

var versionLine = regexp.MustCompile(`(?m)^\s*"?asyncapi"?\s*:\s*['"]?([0-9][0-9A-Za-z.\-]*)`)

// VersionOf returns the "asyncapi" version of a document, from its tree when
// it parsed, else from the text.
func VersionOf(root *syntax.Node, text []byte) string {
	if v := root.Get("asyncapi").String(); v != "" {
		return v
	}
	if m := versionLine.FindSubmatch(text); m != nil {
		return string(m[1])
	}
	return ""
}
