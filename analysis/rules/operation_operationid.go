package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-operation-operationId",
		Aliases:     []string{"asyncapi2-operation-operationId"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.V2, // 3.x operations are named by their keys
		Description: "Every operation has an operationId, which code generators use for names.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#operationObject",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, op := range operations(p) {
				if !isMapping(op.Node) || op.Node.Get("operationId") != nil || hasOperationTraitKey(p, op.item, "operationId") {
					continue
				}
				out = append(out, onKey(op.item, "This operation has no operationId; add one so that tools can name it."))
			}
			return out
		},
	})
}

func hasOperationTraitKey(p *analysis.Pass, op item, key string) bool {
	for _, t := range seq(op.Node.Get("traits")) {
		if n := p.Deref(t); n != nil && n.Get(key) != nil {
			return true
		}
	}
	return false
}
