package fix

import "asyncapi-ls/analysis"

// A trailing slash (the diagnostic covers exactly it) is removed.
func init() {
	slash := func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		if d.End != d.Start+1 || doc.Text[d.Start] != '/' {
			return nil
		}
		return []Fix{{Title: "Remove the trailing slash", Edits: []Edit{{d.Start, d.End, ""}}, Safe: true}}
	}
	makers["asyncapi-channel-no-trailing-slash"] = slash
	makers["asyncapi-server-no-trailing-slash"] = slash
}
