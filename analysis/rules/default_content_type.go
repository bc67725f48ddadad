package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeDefaultContentType,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.V2, // for 3.x, asyncapi-content-type checks each message instead
		Description: "The document sets defaultContentType.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#defaultContentTypeString",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			if p.Model().DefaultContentType.Node != nil {
				return nil
			}
			return []analysis.Diagnostic{rootKey(p, "asyncapi", "Add defaultContentType (for example application/json) so that message payloads have a known encoding.")}
		},
	})
}
