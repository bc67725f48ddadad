package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// Location is the byte span [Start, End) of a document.
type Location struct {
	URI        string // as the document spells it
	Doc        *analysis.Document
	Start, End int
}

func at(doc *analysis.Document, n *syntax.Node) Location {
	return Location{URI: doc.URI, Doc: doc, Start: n.Start, End: n.End}
}

// majorVersion is 2 or 3 from the document's "asyncapi" value, 0 when unknown.
func majorVersion(doc *analysis.Document) int {
	if doc == nil || doc.Root() == nil {
		return 0
	}
	v, _ := doc.SpecVersion()
	switch {
	case len(v) > 1 && v[:2] == "2.":
		return 2
	case len(v) > 1 && v[:2] == "3.":
		return 3
	}
	return 0
}
