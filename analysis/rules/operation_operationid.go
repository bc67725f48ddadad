package rules

import (
	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeOperationOperationID,
		Aliases:     []string{"asyncapi2-operation-operationId"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.V2, // 3.x operations are named by their keys
		Description: "Every operation has an operationId, which code generators use for names.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#operationObject",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, op := range operations(p) {
				// The operation or one of its traits may give it.
				if !isMapping(op.Value) || op.Applied().OperationID.Node != nil {
					continue
				}
				out = append(out, onDefinition(p, op, "This operation has no operationId; add one so that tools can name it."))
			}
			return out
		},
	})
}
