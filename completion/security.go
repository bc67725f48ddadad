package completion

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

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
		st.add(Item{Label: p.Key.Value, Kind: KindReference, Detail: "security scheme",
			Documentation: describeNode(p.Value), InsertText: st.keyInsertText(p.Key.Value, "[]", schemas.ShapeArray)})
	}
	return true
}

// securityScopes offers the scopes a security requirement may ask for: in
// 2.x the items of a requirement's list, from the scopes of the scheme's
// OAuth flows; in 3.x the items of a scheme's "scopes", from the
// availableScopes of its flows. Scopes listed already are left out. It
// reports whether path was such a place.
func (st *state) securityScopes(path []string) bool {
	n := len(path)
	root := st.req.Tree
	var scheme *syntax.Node
	field := "scopes"
	switch {
	case strings.HasPrefix(st.version, "2.") && n >= 4 && path[n-4] == "security":
		scheme = root.Find("components", "securitySchemes", path[n-2])
	case !strings.HasPrefix(st.version, "2.") && n >= 2 && path[n-2] == "scopes":
		scheme, field = root.Find(path[:n-2]...), "availableScopes"
	default:
		return false
	}
	scheme = st.deref(scheme)
	listed := map[string]bool{}
	if list := root.Find(path[:n-1]...).Resolve(); list != nil {
		for i, it := range list.Items {
			if path[n-1] != strconv.Itoa(i) {
				listed[it.String()] = true
			}
		}
	}
	for _, flow := range scheme.Get("flows").PairsOrNil() {
		for _, scope := range flow.Value.Get(field).PairsOrNil() {
			if listed[scope.Key.Value] {
				continue
			}
			listed[scope.Key.Value] = true
			st.add(Item{Label: scope.Key.Value, Kind: KindValue, Detail: "scope of " + flow.Key.Value,
				Documentation: scope.Value.String(), InsertText: st.valueInsert(scope.Key.Value)})
		}
	}
	return true
}
