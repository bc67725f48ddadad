package fix

import "asyncapi-ls/analysis"

// A document saved as one quoted string gets its JSON text back.
func init() {
	makers[analysis.CodeQuotedDocument] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		if !doc.IsQuoted() {
			return nil
		}
		return []Fix{{Title: "Replace the quoted string with the JSON it holds", Edits: []Edit{{Start: 0, End: len(doc.Text), Text: doc.Root().Value + "\n"}}, Safe: true}}
	}
}
