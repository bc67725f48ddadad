package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-channel-no-query-nor-fragment",
		Aliases:     []string{"asyncapi-3-channel-no-query-nor-fragment", "asyncapi2-channel-no-query-nor-fragment", "asyncapi3-channel-no-query-nor-fragment"},
		Severity:    analysis.SeverityError, // the specification forbids them
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.AllVersions, Only: "2.x channel names and 3.x channel keys; a 3.x address is not checked"},
		Description: "A channel address has no query (?) or fragment (#); use bindings for such details.",
		DocURL:      specURL("channelObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, a := range addresses(p, true) {
				if i := strings.IndexAny(a.Text, "?#"); i >= 0 {
					d := within(p, a.Node, a.Text, i, len(a.Text), "A channel address must not contain a query or a fragment ("+a.Text[i:i+1]+"); describe such details in bindings.")
					d.BeyondParser = p.IsV3() // the parser looks at 3.x channel keys, not addresses
					out = append(out, d)
				}
			}
			if p.IsV3() { // a 3.x channel's key is only a name; a 2.x key is its address, checked above
				for _, ch := range p.Model().Channels {
					if i := strings.IndexAny(ch.Key, "?#"); i >= 0 {
						out = append(out, within(p, ch.KeyNode, ch.Key, i, i+1, "A channel key must not contain "+quote(ch.Key[i:i+1])+"; name the channel with letters, digits, '-' and '_', and give its address in address."))
					}
				}
			}
			return out
		},
	})
}
