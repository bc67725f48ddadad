package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
)

func init() {
	register(analysis.Rule{
		Code:        CodeOperationDescription,
		Aliases:     []string{"asyncapi-3-operation-description"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "Every operation has a description.",
		DocURL:      specURL("operationObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, op := range writtenHere[*model.Operation](p) {
				if !isMapping(op.Value) {
					continue
				}
				if d := op.Description; d.Node != nil && strings.TrimSpace(d.Value) != "" {
					continue
				}
				out = append(out, onDefinition(p, op, "Describe what this operation does."))
			}
			return out
		},
	})
}
