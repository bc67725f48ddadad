package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-operation-description",
		Aliases:     []string{"asyncapi-3-operation-description"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "Every operation has a description.",
		DocURL:      specURL("operationObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, op := range operations(p) {
				if !isMapping(op.Node) || !sameDoc(op.item) {
					continue
				}
				if d := op.Node.Get("description"); d != nil && strings.TrimSpace(d.String()) != "" {
					continue
				}
				out = append(out, onKey(op.item, "Describe what this operation does."))
			}
			return out
		},
	})
}
