package fix

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/schemas"
)

// A misspelt key becomes the key the schema suggests.
func init() {
	makers[schemas.UnknownKey.Code()] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		if d.Suggestion == "" {
			return nil
		}
		text := quoteKey(doc, d.Suggestion)
		if d.End > d.Start && (doc.Text[d.Start] == '"' || doc.Text[d.Start] == '\'') {
			text = string(doc.Text[d.Start]) + d.Suggestion + string(doc.Text[d.Start])
		}
		return []Fix{{Title: "Change to " + quote(d.Suggestion), Edits: []Edit{{Start: d.Start, End: d.End, Text: text}}, Safe: true}}
	}
}
