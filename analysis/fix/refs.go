package fix

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// A local "$ref" that leads nowhere: pick the close match the diagnostic
// suggests, or create the component it names as an empty stub.
func init() {
	makers[analysis.CodeUnresolvedRef] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		var out []Fix
		raw := string(doc.Text[d.Start:d.End])
		if d.Suggestion != "" {
			text := d.Suggestion
			if q := raw[:1]; q == `"` || q == "'" {
				text = q + d.Suggestion + q
			}
			out = append(out, Fix{Title: "Change to " + quote(d.Suggestion), Edits: []Edit{{Start: d.Start, End: d.End, Text: text}}})
		}
		if f, ok := componentStub(doc, strings.Trim(raw, `"'`)); ok {
			out = append(out, f)
		}
		return out
	}
}

// componentStub creates the component a local reference names
// (#/components/<kind>/<name>), with the maps leading to it.
func componentStub(doc *analysis.Document, value string) (Fix, bool) {
	ref, err := refs.Parse(value)
	if err != nil || ref.File != "" || len(ref.Pointer) != 3 || ref.Pointer[0] != "components" {
		return Fix{}, false
	}
	kind, name := ref.Pointer[1], ref.Pointer[2]
	root := doc.Root()
	json := doc.File().Format == syntax.JSON
	key := func(s string) string { return quoteKey(doc, s) }
	wrap := func(k, v string) string { return "{" + key(k) + ": " + v + "}" }
	var e Edit
	var ok bool
	switch comps := root.Get("components").Resolve(); {
	case comps == nil:
		e, ok = addEntry(doc, root, key("components"), wrap(kind, wrap(name, "{}")))
	case comps.Get(kind).Resolve() == nil:
		e, ok = addEntry(doc, comps, key(kind), wrap(name, "{}"))
	default:
		e, ok = addEntry(doc, comps.Get(kind), key(name), "{}")
	}
	_ = json
	if !ok {
		return Fix{}, false
	}
	return Fix{Title: "Create " + quote(name) + " in components." + kind, Edits: []Edit{e}}, true
}
