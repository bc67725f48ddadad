package navigate

import (
	"asyncapi-ls/analysis/workspace"
)

// Definition returns where the thing under the cursor is defined: the key
// a "$ref" names (in this file or another; the first line of a file named
// without a pointer), the anchor of a YAML alias, a 2.x channel's server, a
// security requirement's scheme, a {parameter} or {variable}. On a
// definition itself it returns nothing.
func Definition(snap *workspace.Snapshot, offset int) []Location {
	doc := snap.Document()
	if locs, ok := anchorDefinition(doc, offset); ok {
		return locs
	}
	s, ok := SubjectAt(doc, offset)
	if !ok || s.Via == ViaDeclaration {
		return nil
	}
	t, d, err := resolveSubject(snap, s)
	if s.Via == ViaRef && len(s.Key.Tokens) == 0 && (err != nil || !workspace.IsCandidate(s.Key.URI)) {
		// A whole file that is no YAML or JSON document (a Markdown file, an
		// Avro schema, …): it opens at its first line.
		if f, err := snap.Load(s.Key.URI); err == nil {
			return []Location{{URI: f.URI, Doc: f, Start: 0, End: 0}}
		}
	}
	if err != nil {
		return nil
	}
	if t.Key != nil {
		return []Location{at(d, t.Key)}
	}
	// A whole document or a sequence item: its value's first character.
	return []Location{{URI: d.URI, Doc: d, Start: t.Value.Start, End: t.Value.Start}}
}
