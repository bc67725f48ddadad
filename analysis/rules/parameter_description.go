package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeParameterDescription,
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Every channel parameter has a description.",
		DocURL:      specURL("parameterObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, prm := range parameters(p) {
				if isMapping(prm.Value) && prm.Description.Node == nil {
					out = append(out, onElementKey(prm, "Describe the parameter "+quote(prm.Key)+"."))
				}
			}
			return out
		},
	})
}
