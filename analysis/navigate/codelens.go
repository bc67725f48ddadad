package navigate

import (
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

// Lens is a reference count shown above a component's key.
type Lens struct {
	Start, End int
	Count      int
}

// ReferenceCounts returns, for every component of doc, how many "$ref"s
// across the workspace lead to it.
func ReferenceCounts(snap *workspace.Snapshot) []Lens {
	doc := snap.Document()
	root := doc.Root()
	if root == nil {
		return nil
	}
	self := refs.CanonicalURI(doc.URI)
	counts := map[string]int{}
	for _, f := range snap.Files() {
		for _, r := range f.Refs() {
			if r.Err != nil || r.Key.URI != self || len(r.Key.Tokens) < 3 || r.Key.Tokens[0] != "components" {
				continue
			}
			counts[r.Key.Tokens[1]+"/"+r.Key.Tokens[2]]++
		}
	}
	var out []Lens
	for _, section := range pairs(root.Get("components")) {
		if _, ok := refs.ComponentKinds[section.Key.Value]; !ok {
			continue
		}
		for _, e := range pairs(section.Value) {
			out = append(out, Lens{Start: e.Key.Start, End: e.Key.End, Count: counts[section.Key.Value+"/"+e.Key.Value]})
		}
	}
	return out
}
