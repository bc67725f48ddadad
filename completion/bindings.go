package completion

import (
	"slices"

	"asyncapi-ls/analysis"
	"asyncapi-ls/schemas"
)

// bindingModel answers for a place inside a protocol's binding object, in
// 2.x and 3.x alike: the model of the binding's definition for the
// bindingVersion written there (the newest when absent). nil outside
// bindings, or for a protocol that defines nothing for the object.
// With editing set the value at path is being typed: it is left out, so
// that a half-written value does not steer the choice between alternatives.
func (st *state) bindingModel(path []string, editing bool) *schemas.Model {
	b, value, rest, ok := analysis.BindingAt(st.req.Tree, path)
	if !ok {
		return nil
	}
	if editing && len(rest) > 0 {
		if parent, ok := lookup(value, rest[:len(rest)-1]).(map[string]any); ok && rest[len(rest)-1] != "bindingVersion" {
			delete(parent, rest[len(rest)-1])
		}
	}
	return b.At(value, rest)
}

// bindingVersions offers the versions of the binding at path that have a
// definition (else the released ones), newest first; it reports whether
// path is a bindingVersion.
func (st *state) bindingVersions(path []string) bool {
	object, at, ok := schemas.BindingLocation(path)
	if !ok || len(path) != at+2 || path[at+1] != "bindingVersion" {
		return false
	}
	versions := schemas.DefinedBindingVersions(path[at], object)
	if len(versions) == 0 { // the protocol binds nothing here: its versions all the same
		versions = slices.Clone(schemas.BindingVersions(path[at]))
		slices.Reverse(versions)
	}
	for i, v := range versions {
		doc := "Version " + v + " of the " + path[at] + " " + object + " binding."
		if i == 0 {
			doc += " The newest, assumed when bindingVersion is absent."
		}
		st.add(Item{Label: v, Kind: KindEnum, Documentation: doc, InsertText: st.valueInsert(v), SortText: "0" + string(rune('a'+i))})
	}
	return true
}
