package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-parameter-description",
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Every channel parameter has a description.",
		DocURL:      specURL("parameterObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			seen := map[any]bool{}
			var params []item
			for _, ch := range channels(p) {
				if ch.Path != nil {
					params = append(params, entries(p, append(ch.Path, "parameters")...)...)
				}
			}
			params = append(params, entries(p, "components", "parameters")...)
			for _, prm := range params {
				if prm.Node == nil || seen[prm.Node] || !isMapping(prm.Node) || prm.Node.Get("description") != nil {
					continue
				}
				seen[prm.Node] = true
				if sameDoc(prm) {
					out = append(out, onKey(prm, "Describe the parameter "+quote(prm.Name)+"."))
				}
			}
			return out
		},
	})
}
