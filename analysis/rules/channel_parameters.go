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
		Parser:      &analysis.Enforcement{Versions: analysis.AllVersions, Only: "channels that have a parameters object"},
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
					d := within(p, a.Node, a.Text, offsets[i][0], offsets[i][1],
						"The parameter "+quote(name)+" is not declared in this channel's parameters.")
					d.BeyondParser = !isMapping(declared) // the parser checks channels with parameters only
					out = append(out, d)
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
			if p.IsV3() {
				out = append(out, parametersWithoutAddress(p)...)
			}
			return out
		},
	})
}

// parametersWithoutAddress reports the parameters of 3.x channels that have
// no address: none is used. A key that looks like an address is the 2.x
// habit of naming channels by their address.
func parametersWithoutAddress(p *analysis.Pass) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, ch := range channels(p) {
		declared := p.Deref(ch.Node.Get("parameters"))
		if ch.Node == nil || !sameDoc(ch) || !isMapping(declared) || !ch.Node.Get("address").IsNull() {
			continue
		}
		msg := " is not used: this channel has no address."
		if names, _ := placeholders(ch.Name); len(names) > 0 {
			msg += " In AsyncAPI 3 the channel key is only a name; write the address in address: " + quote(ch.Name) + "."
		}
		for _, pair := range declared.Resolve().Pairs {
			out = append(out, analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End, Message: "The parameter " + quote(pair.Key.Value) + msg})
		}
	}
	return out
}
