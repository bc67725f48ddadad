package rules

import (
	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-channel-parameters",
		Aliases:     []string{"asyncapi2-channel-parameters", "asyncapi3-channel-parameters"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Description: "Every {parameter} of a channel address is declared in its parameters, and every declared parameter is used.",
		DocURL:      specURL("parametersObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, a := range addresses(p, true) {
				if a.Channel.Node == nil {
					continue
				}
				names, offsets := placeholders(a.Text)
				params := a.Channel.Node.Get("parameters")
				declared := p.Deref(params)
				for i, name := range names {
					if name == "" || declared.Entry(name) != nil {
						continue
					}
					out = append(out, within(p, a.Node, a.Text, offsets[i][0], offsets[i][1],
						"The parameter "+quote(name)+" is not declared in this channel's parameters."))
				}
				// 3.x allows parameters only with expressions in the address;
				// 2.x says less, and the parser then accepts any.
				if !isMapping(declared) || !sameDoc(a.Channel) || (len(names) == 0 && !p.IsV3()) {
					continue
				}
				used := map[string]bool{}
				for _, n := range names {
					used[n] = true
				}
				for _, pair := range declared.Resolve().Pairs {
					if !used[pair.Key.Value] {
						out = append(out, analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End,
							Message: "The parameter " + quote(pair.Key.Value) + " does not appear in the channel address " + quote(a.Text) + "."})
					}
				}
			}
			return out
		},
	})
}
