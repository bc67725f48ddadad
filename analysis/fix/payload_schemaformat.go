package fix

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// A payload that refers to an Avro schema without naming the format gets
// the Avro schemaFormat: in 3.x the payload is wrapped in a Multi Format
// Schema Object ({schemaFormat, schema}); in 2.x the message names it.
func init() {
	makers[analysis.CodePayloadSchemaFormat] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		loc := syntax.At(doc.Root(), d.Start)
		if len(loc.Ancestors) < 2 || len(loc.Path) < 2 || loc.Path[len(loc.Path)-2] != "payload" {
			return nil
		}
		payload := loc.Ancestors[len(loc.Ancestors)-1].Resolve() // the reference object
		message := loc.Ancestors[len(loc.Ancestors)-2].Resolve()
		title := "Declare the Avro schemaFormat (" + analysis.AvroSchemaFormat + ")"
		if version, _ := doc.SpecVersion(); !strings.HasPrefix(version, "3.") {
			e, ok := addEntry(doc, message, quoteKey(doc, "schemaFormat"), analysis.AvroSchemaFormat)
			if !ok {
				return nil
			}
			return []Fix{{Title: title, Edits: []Edit{e}, Safe: true}}
		}
		if e, ok := wrapSchema(doc, payload, analysis.AvroSchemaFormat); ok {
			return []Fix{{Title: title, Edits: []Edit{e}, Safe: true}}
		}
		return nil
	}
}

// wrapSchema replaces the schema mapping m by a Multi Format Schema Object
// that holds it under "schema", with format as its schemaFormat.
func wrapSchema(doc *analysis.Document, m *syntax.Node, format string) (Edit, bool) {
	if m == nil || m.Kind != syntax.Mapping || len(m.Pairs) == 0 {
		return Edit{}, false
	}
	inner := string(doc.Text[m.Start:m.End])
	if doc.File().Format == syntax.JSON || m.Flow {
		key := func(k string) string {
			if doc.File().Format == syntax.JSON {
				return strconv.Quote(k)
			}
			return k
		}
		value := format
		if doc.File().Format == syntax.JSON {
			value = strconv.Quote(format)
		}
		return Edit{Start: m.Start, End: m.End, Text: "{" + key("schemaFormat") + ": " + value + ", " + key("schema") + ": " + inner + "}"}, true
	}
	// A block mapping starts at its first key: the wrapper takes its place
	// and its lines move two columns in, under "schema".
	indent := strings.Repeat(" ", column(doc.Text, m.Start))
	end := m.End
	for end > m.Start && (doc.Text[end-1] == '\n' || doc.Text[end-1] == '\r') {
		end--
	}
	body := strings.ReplaceAll(string(doc.Text[m.Start:end]), "\n", "\n  ")
	body = strings.ReplaceAll(body, "\n  \n", "\n\n") // blank lines stay blank
	return Edit{Start: m.Start, End: end, Text: "schemaFormat: " + format + "\n" + indent + "schema:\n" + indent + "  " + body}, true
}
