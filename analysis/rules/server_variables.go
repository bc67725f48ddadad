package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-server-variables",
		Aliases:     []string{"asyncapi2-server-variables"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.V2, Only: "servers whose url has variables and that declare variables"},
		Description: "Every {variable} of a server's url (3.x: host and pathname) is declared in its variables, and every declared variable is used.",
		DocURL:      specURL("serverVariableObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			used := map[*syntax.Node]map[string]bool{}
			for _, part := range serverParts(p) {
				s := part.Server
				names, offsets := placeholders(part.Text)
				if used[s.Value] == nil {
					used[s.Value] = map[string]bool{}
				}
				for i, name := range names {
					used[s.Value][name] = true
					if name != "" && named(s.Variables, name) == nil {
						d := within(p, part.Node, part.Text, offsets[i][0], offsets[i][1],
							"The variable "+quote(name)+" is not declared in this server's variables.")
						d.BeyondParser = s.Variables == nil // the parser checks servers with variables only
						out = append(out, d)
					}
				}
			}
			for _, s := range servers(p) {
				if !inPlace(p, s) {
					continue
				}
				for _, v := range s.Variables {
					if !used[s.Value][v.Key] {
						out = append(out, analysis.Diagnostic{Start: v.KeyNode.Start, End: v.KeyNode.End,
							Message:      "The variable " + quote(v.Key) + " is not used by this server.",
							BeyondParser: len(used[s.Value]) == 0}) // the parser checks urls with variables only
					}
				}
			}
			return out
		},
	})
}
