package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeSchemaConst,
		Serial:      "jsonschema", // one schema compiler for the keyword rules
		Weight:      1,            // the group compiles every schema of the document
		Aliases:     []string{},
		Severity:    analysis.SeverityWarning, // a const that does not fit makes the schema unsatisfiable, which is legal,
		Versions:    analysis.AllVersions,
		Description: "A schema's const value fits the rest of the schema.",
		DocURL:      specURL("schemaObject"),
		Check:       func(p *analysis.Pass) []analysis.Diagnostic { return checkKeyword(p, "const") },
	})
}
