package analysis

import (
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// BindingAt finds the binding definition for a place of root inside a
// protocol's binding object, in 2.x and 3.x alike: the definition its
// bindingVersion chooses (the newest when absent), the binding object's
// data along path (as SpineData gives it) and the path inside the binding.
// ok is false outside bindings, or for a protocol that defines nothing for
// the object.
func BindingAt(root *syntax.Node, path []string) (b schemas.Binding, value any, rest []string, ok bool) {
	object, at, ok := schemas.BindingLocation(path)
	if !ok {
		return schemas.Binding{}, nil, nil, false
	}
	value = SpineData(root, path)
	for _, tok := range path[:at+1] {
		m, isMap := value.(map[string]any)
		if !isMap {
			value = nil
			break
		}
		value = m[tok]
	}
	fields, _ := value.(map[string]any)
	version, _ := fields["bindingVersion"].(string)
	b, ok = schemas.ChooseBinding(path[at], object, version)
	return b, value, path[at+1:], ok
}
