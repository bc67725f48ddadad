package rules

import "asyncapi-ls/analysis"

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
			seen := map[any]bool{}
			for _, op := range operations(p) {
				if op.Node == nil || seen[op.Node] {
					continue
				}
				seen[op.Node] = true
				out = append(out, checkSecurity(p, op.Node.Get("security"))...)
				for _, t := range seq(op.Node.Get("traits")) {
					if tn := p.Deref(t); tn != nil && !seen[tn] {
						seen[tn] = true
						for _, d := range checkSecurity(p, tn.Get("security")) {
							d.BeyondParser = true // the parser checks operations, not their traits
							out = append(out, d)
						}
					}
				}
			}
			return out
		},
	})
}
