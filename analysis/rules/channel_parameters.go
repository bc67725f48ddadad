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
				ch := a.Channel
				if !local(p, ch) {
					continue
				}
				names, offsets := placeholders(a.Text)
				for i, name := range names {
					if name == "" || named(ch.Parameters, name) != nil {
						continue
					}
					d := within(p, a.Node, a.Text, offsets[i][0], offsets[i][1],
						"The parameter "+quote(name)+" is not declared in this channel's parameters.")
					d.BeyondParser = ch.Parameters == nil // the parser checks channels with parameters only
					out = append(out, d)
				}
				// 3.x allows parameters only with expressions in the address;
				// 2.x says less, and the parser then accepts any.
				if ch.Parameters == nil || !inPlace(p, ch) || (len(names) == 0 && !p.IsV3()) {
					continue
				}
				used := map[string]bool{}
				for _, n := range names {
					used[n] = true
				}
				for _, prm := range ch.Parameters {
					if !used[prm.Key] {
						out = append(out, analysis.Diagnostic{Start: prm.KeyNode.Start, End: prm.KeyNode.End,
							Message: "The parameter " + quote(prm.Key) + " does not appear in the channel address " + quote(a.Text) + "."})
					}
				}
			}
			return append(out, parametersWithoutAddress(p)...)
		},
	})
}

// parametersWithoutAddress reports the parameters of channels that have no
// address (3.x: null or absent; a 2.x address is the channel's key): none
// is used. A key that looks like an address is the 2.x habit of naming
// channels by their address.
func parametersWithoutAddress(p *analysis.Pass) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, ch := range channels(p) {
		if !inPlace(p, ch) || ch.Parameters == nil || ch.Address.IsSet() {
			continue
		}
		msg := " is not used: this channel has no address."
		if names, _ := placeholders(ch.Key); len(names) > 0 {
			msg += " In AsyncAPI 3 the channel key is only a name; write the address in address: " + quote(ch.Key) + "."
		}
		for _, prm := range ch.Parameters {
			out = append(out, analysis.Diagnostic{Start: prm.KeyNode.Start, End: prm.KeyNode.End, Message: "The parameter " + quote(prm.Key) + msg})
		}
	}
	return out
}
