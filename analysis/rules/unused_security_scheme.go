package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeUnusedSecurityScheme,
		Aliases:     []string{"asyncapi2-unused-securityScheme"},
		Severity:    analysis.SeverityInformation,
		Versions:    analysis.AllVersions,
		Description: "Every security scheme is required by a server or an operation.",
		DocURL:      specURL("securitySchemeObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			m := p.Model()
			if m.Components == nil || len(m.Components.SecuritySchemes) == 0 {
				return nil
			}
			// A scheme is used when a security requirement of a server,
			// an operation or an operation trait names it (2.x by name,
			// 3.x through a reference).
			used := map[*syntax.Node]bool{}
			m.Walk(func(e model.Element) bool {
				if req, ok := e.(*model.SecurityRequirement); ok && req.Scheme != nil {
					used[req.Scheme.Value] = true
				}
				return true
			})
			var out []analysis.Diagnostic
			for _, s := range m.Components.SecuritySchemes {
				if s.KeyNode == nil || used[s.Value] && s.Value != nil {
					continue
				}
				out = append(out, analysis.Diagnostic{Start: s.KeyNode.Start, End: s.KeyNode.End,
					Message: "The security scheme " + quote(s.Key) + " is not required by any server or operation."})
			}
			return out
		},
	})
}
