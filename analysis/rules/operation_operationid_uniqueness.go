package rules

import "asyncapi-ls/analysis"

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
			var items []item
			seen := map[any]bool{}
			for _, op := range operations(p) {
				if op.Node != nil && !seen[op.Node] {
					seen[op.Node] = true
					items = append(items, op.item)
				}
			}
			return uniqueField(items, "operationId", "operation")
		},
	})
}
