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
		Description: "A schema in RAML is recognised but not checked; the message examples of RAML, OpenAPI and Protobuf payloads are not checked (Avro payloads and their examples are: asyncapi-payload-schema).",
		DocURL:      specURL("multiFormatSchemaObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, site := range schemaSites(p) {
				f, _ := payload.Classify(site.Format)
				if site.FormatNode == nil {
					continue
				}
				switch f {
				case payload.RAML:
					out = append(out, at(site.FormatNode, "This is a RAML schema: asyncapi-ls does not check it, nor the examples that use it."))
				case payload.OpenAPI, payload.Protobuf:
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
