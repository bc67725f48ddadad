package completion

import (
	"strings"
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
		insert := p.Key.Value + ": []"
		if st.ctx.ColonFollows {
			insert = p.Key.Value
		}
		st.add(Item{Label: p.Key.Value, Kind: KindReference, Detail: "security scheme",
			Documentation: describeNode(p.Value), InsertText: insert})
	}
	return true
}
