package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-server-security",
		Aliases:     []string{"asyncapi2-server-security"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Description: "A server's security requirements name defined security schemes and scopes they offer.",
		DocURL:      specURL("serverObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, s := range servers(p) {
				if sameDoc(s) {
					out = append(out, checkSecurity(p, s.Node.Get("security"))...)
				}
			}
			return out
		},
	})
}
