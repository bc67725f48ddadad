package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-operation-operationId-uniqueness",
		Aliases:     []string{"asyncapi2-operation-operationId-uniqueness"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V2, // 3.x operation keys are unique by construction
		Parser:      &analysis.Enforcement{Versions: analysis.V2},
		Description: "No two operations share an operationId.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#operationObject",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var ids []model.Scalar
			for _, op := range operations(p) {
				ids = append(ids, op.OperationID)
			}
			return uniqueField(ids, "operationId", "operation")
		},
	})
}
