package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-server-security",
		Aliases:     []string{"asyncapi2-server-security"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.V2, Only: "root servers"},
		Description: "A server's security requirements name defined security schemes and scopes they offer.",
		DocURL:      specURL("serverObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, s := range servers(p) {
				if !inPlace(p, s) {
					continue
				}
				for _, d := range checkSecurity(p, s.Security) {
					d.BeyondParser = s.Loc.Pointer[0] != "servers" // the parser checks root servers
					out = append(out, d)
				}
			}
			return out
		},
	})
}
