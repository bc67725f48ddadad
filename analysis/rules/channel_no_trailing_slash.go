package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeChannelNoTrailingSlash,
		Aliases:     []string{"asyncapi-3-channel-no-trailing-slash", "asyncapi2-channel-no-trailing-slash"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "A channel address does not end with a slash.",
		DocURL:      specURL("channelObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, a := range addresses(p, true) {
				if len(a.Text) > 1 && strings.HasSuffix(a.Text, "/") {
					out = append(out, within(p, a.Node, a.Text, len(a.Text)-1, len(a.Text), "This address ends with a slash; remove it."))
				}
			}
			return out
		},
	})
}
