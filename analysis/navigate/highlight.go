package navigate

import (
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

// Highlights returns the places of doc that name the thing under the
// cursor; the declaration is marked.
func Highlights(snap *workspace.Snapshot, offset int) []Reference {
	self := refs.CanonicalURI(snap.Document().URI)
	var out []Reference
	for _, r := range References(snap, offset, true) {
		if refs.CanonicalURI(r.URI) == self {
			out = append(out, r)
		}
	}
	if len(out) == 1 && out[0].Declaration {
		return nil // a name nothing refers to: nothing worth marking
	}
	return out
}
