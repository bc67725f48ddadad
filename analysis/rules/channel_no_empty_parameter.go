package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeChannelNoEmptyParameter,
		Aliases:     []string{"asyncapi-3-channel-no-empty-parameter", "asyncapi2-channel-no-empty-parameter"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "A channel address has no empty parameter {}.",
		DocURL:      specURL("channelObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, a := range addresses(p, true) {
				if i := strings.Index(a.Text, "{}"); i >= 0 {
					out = append(out, within(p, a.Node, a.Text, i, i+2, "This address has an empty parameter {}: name it, or remove the braces."))
				}
			}
			return out
		},
	})
}
