package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/payload"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-payload-unsupported-schemaFormat",
		Aliases:     []string{"asyncapi-3-payload-unsupported-schemaFormat"},
		Severity:    analysis.SeverityInformation,
		Versions:    analysis.AllVersions,
		Description: "A schema in Protobuf, RAML or OpenAPI format is recognised, but neither it nor its examples are checked (Avro schemas are: asyncapi-payload-schema).",
		DocURL:      specURL("multiFormatSchemaObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, site := range schemaSites(p) {
				if k, name := classify(site.Format); k == formatOther && name != payload.Avro.String() && site.FormatNode != nil {
					out = append(out, at(site.FormatNode, "This is a "+name+" schema: asyncapi-ls does not check it, nor the examples that use it."))
				}
			}
			return out
		},
	})
}
