package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-schema-format",
		Severity:    analysis.SeverityWarning, // not an error: tools may support more formats (parser-js#1066)
		Versions:    analysis.AllVersions,
		Description: "A schemaFormat is one that tools know: AsyncAPI, JSON Schema, Avro, Protobuf, RAML or OpenAPI.",
		DocURL:      specURL("multiFormatSchemaObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, site := range schemaSites(p) {
				if k, _ := classify(site.Format); k == formatUnknown && site.FormatNode != nil {
					out = append(out, at(site.FormatNode, "Unknown schemaFormat "+quote(site.Format)+": this schema cannot be checked, and tools may not understand it."))
				}
			}
			return out
		},
	})
}

// schemaSites lists the payload and headers schemas of every message and
// message trait, each location once.
func schemaSites(p *analysis.Pass) []schemaSite {
	return p.Memo(sitesKey{}, func() any { return findSchemaSites(p) }).([]schemaSite)
}

type sitesKey struct{}

func findSchemaSites(p *analysis.Pass) []schemaSite {
	var out []schemaSite
	seen := map[string]bool{}
	add := func(it item) {
		for _, field := range []string{"payload", "headers"} {
			if s, ok := messageSchema(p, it, field); ok && !seen[pointer(s.Path)] {
				seen[pointer(s.Path)] = true
				out = append(out, s)
			}
		}
	}
	for _, m := range messages(p) {
		add(m)
	}
	for _, t := range messageTraits(p) {
		add(t)
	}
	return out
}
