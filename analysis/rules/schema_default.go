package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-schema-default",
		Serial:      "jsonschema", // one schema compiler for the keyword rules
		Weight:      1,            // the group compiles every schema of the document
		Aliases:     []string{"asyncapi-payload-default", "asyncapi2-schema-default"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.V2, Only: schemaKeywordChecked},
		Description: "A schema's default value fits the schema.",
		DocURL:      specURL("schemaObject"),
		Check:       func(p *analysis.Pass) []analysis.Diagnostic { return checkKeyword(p, "default") },
	})
}
