package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeID,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.V2, // 3.x dropped the field
		Description: "The document has an id (a URI naming the application).",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#A2SIdString",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			if p.Model().ID.Node != nil {
				return nil
			}
			return []analysis.Diagnostic{rootKey(p, "asyncapi", "Add an id: a URI that names this application, such as urn:example:orders.")}
		},
	})
}
