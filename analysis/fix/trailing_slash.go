package fix

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
)

// A trailing slash (the diagnostic covers exactly it) is removed.
func init() {
	slash := func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		if d.End != d.Start+1 || doc.Text[d.Start] != '/' {
			return nil
		}
		return []Fix{{Title: "Remove the trailing slash", Edits: []Edit{{Start: d.Start, End: d.End, Text: ""}}, Safe: true}}
	}
	makers[rules.CodeChannelNoTrailingSlash] = slash
	makers[rules.CodeServerNoTrailingSlash] = slash
}
