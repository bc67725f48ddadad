package completion

import (
	"strings"

	"asyncapi-ls/schemas"
)

// hintVersion is the version whose binding schemas stand in for 2.x, where
// the official schema leaves bindings unchecked ({}).
const hintVersion = "3.1.0"

// bindingHintModel answers for a place inside a 2.x binding with the model of
// the same binding in hintVersion, so 2.x documents get binding keys and
// values as hints. nil when path is not inside a 2.x binding.
func (st *state) bindingHintModel(path []string) *schemas.Model {
	if !strings.HasPrefix(st.version, "2.") {
		return nil
	}
	i := lastIndex(path, "bindings")
	if i < 0 || i+1 >= len(path) {
		return nil
	}
	var owner []string
	switch {
	case i == 2 && path[0] == "servers":
		owner = []string{"servers", "s"}
	case i == 2 && path[0] == "channels":
		owner = []string{"channels", "c"}
	case i >= 1 && (path[i-1] == "publish" || path[i-1] == "subscribe"):
		owner = []string{"operations", "o"}
	case i >= 1 && path[i-1] == "message", len(path) > 2 && path[0] == "components" && path[1] == "messages" && i == 3:
		owner = []string{"components", "messages", "m"}
	default:
		return nil
	}
	// Rebuild the binding at the same place of a hintVersion document.
	binding, _ := st.req.Tree.Find(path[:i+2]...).Data()
	if fields, ok := binding.(map[string]any); ok {
		for k, v := range fields {
			if v == nil {
				delete(fields, k) // still being written: must not pick the bindingVersion branch
			}
		}
	}
	var synth any = map[string]any{path[i+1]: binding}
	synth = map[string]any{"bindings": synth}
	for k := len(owner) - 1; k >= 0; k-- {
		synth = map[string]any{owner[k]: synth}
	}
	hintPath := append(append(append([]string(nil), owner...), "bindings"), path[i+1:]...)
	return schemas.At(hintVersion, synth, hintPath)
}

func lastIndex(path []string, s string) int {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == s {
			return i
		}
	}
	return -1
}

// securityNames offers security scheme names as keys of a 2.x security
// requirement; it reports whether the position was one.
func (st *state) securityNames(path []string) bool {
	n := len(path)
	if !strings.HasPrefix(st.version, "2.") || n < 2 || path[n-2] != "security" {
		return false
	}
	existing := st.existingKeys(path)
	for _, p := range st.req.Tree.Find("components", "securitySchemes").PairsOrNil() {
		if existing[p.Key.Value] {
			continue
		}
		insert := p.Key.Value + ": []"
		if st.ctx.ColonFollows {
			insert = p.Key.Value
		}
		st.add(Item{Label: p.Key.Value, Kind: KindReference, Detail: "security scheme",
			Documentation: describeNode(p.Value), InsertText: insert})
	}
	return true
}
