package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeServerNoEmptyVariable,
		Aliases:     []string{"asyncapi-3-server-no-empty-variable", "asyncapi2-server-no-empty-variable"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "A server's url (3.x: host and pathname) has no empty variable {}.",
		DocURL:      specURL("serverObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, part := range serverParts(p) {
				if i := strings.Index(part.Text, "{}"); i >= 0 {
					out = append(out, within(p, part.Node, part.Text, i, i+2, "This "+part.Field+" has an empty variable {}: name it, or remove the braces."))
				}
			}
			return out
		},
	})
}
