package navigate

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/workspace"
)

// Link is a clickable file part of a "$ref" and the document it opens.
type Link struct {
	Start, End int
	Target     string // URI of the referenced document
	Tooltip    string
}

// DocumentLinks returns a link for every "$ref" to another document.
func DocumentLinks(doc *analysis.Document) []Link {
	var out []Link
	f := workspace.NewFile(doc)
	for _, r := range f.Refs() {
		if r.Err != nil || r.Key.URI == f.URI {
			continue
		}
		start, end := r.Value.Start, r.Value.End
		raw := string(doc.Text[start:end])
		if len(raw) >= 2 && (raw[0] == '"' || raw[0] == '\'') {
			start, end = start+1, end-1
			raw = raw[1 : len(raw)-1]
		}
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			end = start + i
		}
		target := r.Key.URI
		tip := "Open " + target
		if len(r.Key.Tokens) > 0 {
			tip += " at " + r.Key.String()[len(r.Key.URI):]
		}
		out = append(out, Link{Start: start, End: end, Target: target, Tooltip: tip})
	}
	return out
}
