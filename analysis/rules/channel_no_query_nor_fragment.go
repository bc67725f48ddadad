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
		Description: "A channel address has no query (?) or fragment (#); use bindings for such details.",
		DocURL:      specURL("channelObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, a := range addresses(p, true) {
				if i := strings.IndexAny(a.Text, "?#"); i >= 0 {
					out = append(out, within(p, a.Node, a.Text, i, len(a.Text), "A channel address must not contain a query or a fragment ("+a.Text[i:i+1]+"); describe such details in bindings."))
				}
			}
			return out
		},
	})
}
