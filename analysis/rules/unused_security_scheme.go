package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-unused-securityScheme",
		Aliases:     []string{"asyncapi2-unused-securityScheme"},
		Severity:    analysis.SeverityInformation,
		Versions:    analysis.AllVersions,
		Description: "Every security scheme is required by a server or an operation.",
		DocURL:      specURL("securitySchemeObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			schemes := p.Find("components", "securitySchemes").Resolve()
			if schemes == nil || schemes.Kind != syntax.Mapping {
				return nil
			}
			used := map[string]bool{}
			if p.IsV3() {
				for k := range localTargets(p) {
					used[k] = true
				}
			} else {
				walkSpec(p.Root, func(key string, n *syntax.Node) {
					if key != "security" {
						return
					}
					for _, req := range seq(n) {
						if r := req.Resolve(); r != nil && r.Kind == syntax.Mapping {
							for _, pair := range r.Pairs {
								used["components\x00securitySchemes\x00"+pair.Key.Value] = true
							}
						}
					}
				})
			}
			var out []analysis.Diagnostic
			for _, s := range schemes.Pairs {
				if !used["components\x00securitySchemes\x00"+s.Key.Value] {
					out = append(out, analysis.Diagnostic{Start: s.Key.Start, End: s.Key.End,
						Message: "The security scheme " + quote(s.Key.Value) + " is not required by any server or operation."})
				}
			}
			return out
		},
	})
}
