package rules

import "asyncapi-ls/analysis"

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
			used := map[any]map[string]bool{}
			for _, part := range serverParts(p) {
				declared := p.Deref(part.Server.Node.Get("variables"))
				names, offsets := placeholders(part.Text)
				if used[part.Server.Node] == nil {
					used[part.Server.Node] = map[string]bool{}
				}
				for i, name := range names {
					used[part.Server.Node][name] = true
					if name != "" && declared.Entry(name) == nil {
						d := within(p, part.Node, part.Text, offsets[i][0], offsets[i][1],
							"The variable "+quote(name)+" is not declared in this server's variables.")
						d.BeyondParser = !isMapping(declared) // the parser checks servers with variables only
						out = append(out, d)
					}
				}
			}
			for _, s := range servers(p) {
				declared := p.Deref(s.Node.Get("variables"))
				if !sameDoc(s) || !isMapping(declared) {
					continue
				}
				for _, pair := range declared.Resolve().Pairs {
					if !used[s.Node][pair.Key.Value] {
						out = append(out, analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End,
							Message:      "The variable " + quote(pair.Key.Value) + " is not used by this server.",
							BeyondParser: len(used[s.Node]) == 0}) // the parser checks urls with variables only
					}
				}
			}
			return out
		},
	})
}
