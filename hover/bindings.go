package hover

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// bindingMarkdown describes a key (onKey) or value inside a protocol's
// binding object from the definition of its bindingVersion; ok is false
// outside bindings. Without a bindingVersion the newest version answers, or
// the newest one that has the field when it has not.
func bindingMarkdown(root *syntax.Node, path []string, onKey bool) (string, bool) {
	b, value, rest, ok := analysis.BindingAt(root, path)
	if !ok {
		return "", false
	}
	m := b.At(value, rest)
	note := versionNote(b)
	if m == nil && b.Requested == "" && len(rest) > 0 {
		for _, v := range schemas.DefinedBindingVersions(b.Protocol, b.Object)[1:] {
			older, _ := schemas.ChooseBinding(b.Protocol, b.Object, v)
			if m = older.At(value, rest); m != nil {
				note = "Defined by version " + v + "; the newest version, " + b.Version + ", which applies without a bindingVersion, does not have it."
				b = older
				break
			}
		}
	}
	if m == nil {
		return "", true
	}
	var out strings.Builder
	if onKey {
		var parent *schemas.Model
		if len(rest) > 0 {
			parent = b.At(value, rest[:len(rest)-1])
		}
		out.WriteString(keyHeading(path[len(path)-1], parent))
	}
	if note != "" {
		out.WriteString(note + "\n\n")
	}
	out.WriteString(m.Markdown())
	return strings.TrimSpace(out.String()), true
}

// versionNote says when the definition shown is not the version written.
func versionNote(b schemas.Binding) string {
	if b.Exact {
		return ""
	}
	known := schemas.BindingVersions(b.Protocol)
	for _, v := range known {
		if v == b.Requested {
			return "Version " + b.Requested + " of this binding has no definition here; version " + b.Version + " is shown."
		}
	}
	return b.Requested + " is not a known version of the " + b.Protocol + " binding (known: " + strings.Join(known, ", ") + "); version " + b.Version + " is shown."
}
