package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-operation-security",
		Aliases:     []string{"asyncapi-3-operation-security", "asyncapi2-operation-security"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.Versions{Min: "2.4.0"}, // operations have security from 2.4
		Parser:      &analysis.Enforcement{Versions: analysis.V2, Only: "security of operations, not of operation traits"},
		Description: "An operation's security requirements name defined security schemes and scopes they offer.",
		DocURL:      specURL("operationObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			seen := map[*syntax.Node]bool{} // a trait several operations use is checked once
			for _, op := range operations(p) {
				out = append(out, checkSecurity(p, op.Security)...)
				for _, t := range op.Traits {
					if !local(p, t) || seen[t.Value] {
						continue
					}
					seen[t.Value] = true
					for _, d := range checkSecurity(p, t.Security) {
						d.BeyondParser = true // the parser checks operations, not their traits
						out = append(out, d)
					}
				}
			}
			return out
		},
	})
}
