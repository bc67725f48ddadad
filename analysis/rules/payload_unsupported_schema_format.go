package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/payload"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-payload-unsupported-schemaFormat",
		Aliases:     []string{"asyncapi-3-payload-unsupported-schemaFormat"},
		Severity:    analysis.SeverityInformation,
		Versions:    analysis.AllVersions,
		Description: "The message examples of Protobuf and RAML payloads are not checked (their schemas are; Avro and OpenAPI payloads and their examples are too: asyncapi-payload-schema).",
		DocURL:      specURL("multiFormatSchemaObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, site := range schemaSites(p) {
				f, _ := payload.Classify(site.Format)
				if site.FormatNode == nil {
					continue
				}
				switch f {
				case payload.Protobuf, payload.RAML:
					out = append(out, at(site.FormatNode, "This is "+article(f.String())+" schema: asyncapi-ls checks it, but not the examples that use it."))
				}
			}
			return out
		},
	})
}

func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOU", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
