package hover

import (
	"fmt"
	"strings"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// braceNameAt returns the {name} of an address, channel key or server url
// that the offset is inside.
func braceNameAt(text []byte, n *syntax.Node, offset int) (string, bool) {
	if n.End > len(text) || n.Start > offset {
		return "", false
	}
	s := string(text[n.Start:n.End])
	rel := offset - n.Start
	open := strings.LastIndexByte(s[:min(rel+1, len(s))], '{')
	if open < 0 {
		return "", false
	}
	closeAt := strings.IndexByte(s[open:], '}')
	if closeAt < 0 || open+closeAt < rel {
		return "", false
	}
	return s[open+1 : open+closeAt], true
}

// braceMarkdown shows the parameter or server variable that {name} refers to.
func braceMarkdown(root *syntax.Node, path []string, name string) string {
	var def *syntax.Node
	kind := ""
	switch n := len(path); {
	case n == 3 && path[0] == "channels" && path[2] == "address":
		def, kind = root.Find("channels", path[1], "parameters", name), "Channel parameter"
	case n == 3 && path[0] == "servers" && (path[2] == "url" || path[2] == "host" || path[2] == "pathname"):
		def, kind = root.Find("servers", path[1], "variables", name), "Server variable"
	}
	if kind == "" {
		return ""
	}
	if def == nil {
		return fmt.Sprintf("%s `%s` is not declared.", kind, name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s `%s`**", kind, name)
	if ref := def.Get("$ref").String(); ref != "" {
		fmt.Fprintf(&b, "\n\nDefined by reference: `%s`", ref)
		def = resolveLocal(root, ref)
	}
	if desc := def.Get("description").String(); desc != "" {
		b.WriteString("\n\n" + desc)
	}
	if enum := def.Get("enum").Resolve(); enum != nil && enum.Kind == syntax.Sequence {
		var vals []string
		for _, it := range enum.Items {
			vals = append(vals, "`"+it.String()+"`")
		}
		b.WriteString("\n\nAllowed values: " + strings.Join(vals, ", "))
	}
	if d := def.Get("default").String(); d != "" {
		b.WriteString("\n\nDefault: `" + d + "`")
	}
	if ex := def.Get("examples").Resolve(); ex != nil && ex.Kind == syntax.Sequence && len(ex.Items) > 0 {
		b.WriteString("\n\nExample: `" + ex.Items[0].String() + "`")
	}
	return b.String()
}

// resolveLocal follows a reference inside the same document.
func resolveLocal(root *syntax.Node, ref string) *syntax.Node {
	r, err := refs.Parse(ref)
	if err != nil || r.File != "" {
		return nil
	}
	t, _ := refs.Find(root, r.Pointer)
	return t.Value
}
