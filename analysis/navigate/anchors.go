package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// anchorAt finds the YAML anchor or alias at offset, and the anchor with
// every alias that refers to it; ok is false elsewhere (and in JSON).
func anchorAt(doc *analysis.Document, offset int) (at, anchor syntax.AnchorMark, aliases []syntax.AnchorMark, ok bool) {
	if doc.Format() != syntax.YAML || !syntax.NearMark(doc.Text, offset) {
		return at, anchor, nil, false
	}
	marks := syntax.AnchorMarks(doc.Text, syntax.YAML)
	if at, ok = syntax.MarkAt(marks, offset); !ok {
		return at, anchor, nil, false
	}
	anchor = at
	if at.Alias {
		if anchor, ok = syntax.AnchorFor(marks, at.Name, at.Start); !ok {
			return at, anchor, nil, true // an alias without its anchor: nothing to find
		}
	}
	for _, m := range marks {
		if a, found := syntax.AnchorFor(marks, m.Name, m.Start); m.Alias && found && a.Start == anchor.Start {
			aliases = append(aliases, m)
		}
	}
	return at, anchor, aliases, true
}

func markLocation(doc *analysis.Document, m syntax.AnchorMark) Location {
	return Location{URI: doc.URI, Doc: doc, Start: m.Start, End: m.End}
}

// anchorDefinition: on an alias, its anchor.
func anchorDefinition(doc *analysis.Document, offset int) ([]Location, bool) {
	at, anchor, _, ok := anchorAt(doc, offset)
	if !ok {
		return nil, false
	}
	if !at.Alias || anchor.Alias || anchor.End == 0 {
		return nil, true // on the anchor itself, or an alias without one
	}
	return []Location{markLocation(doc, anchor)}, true
}

// anchorReferences: the anchor (when asked for) and its aliases.
func anchorReferences(doc *analysis.Document, offset int, withDeclaration bool) ([]Reference, bool) {
	_, anchor, aliases, ok := anchorAt(doc, offset)
	if !ok {
		return nil, false
	}
	var out []Reference
	if withDeclaration && !anchor.Alias && anchor.End > 0 {
		out = append(out, Reference{Location: markLocation(doc, anchor), Declaration: true, Via: ViaAnchor})
	}
	for _, a := range aliases {
		out = append(out, Reference{Location: markLocation(doc, a), Via: ViaAlias})
	}
	return out, true
}
