package navigate

import (
	"asyncapi-ls/analysis/workspace"
)

// Definition returns where the thing under the cursor is defined: the key
// a "$ref" names (in this file or another), a 2.x channel's server, a
// security requirement's scheme, a {parameter} or {variable}. On a
// definition itself it returns nothing.
func Definition(snap *workspace.Snapshot, offset int) []Location {
	s, ok := SubjectAt(snap.Document(), offset)
	if !ok || s.Via == ViaDeclaration {
		return nil
	}
	t, d, err := resolveSubject(snap, s)
	if err != nil {
		return nil
	}
	if t.Key != nil {
		return []Location{at(d, t.Key)}
	}
	// A whole document or a sequence item: its value's first character.
	return []Location{{URI: d.URI, Doc: d, Start: t.Value.Start, End: t.Value.Start}}
}
