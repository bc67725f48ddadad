package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeServerNoTrailingSlash,
		Aliases:     []string{"asyncapi-3-server-no-trailing-slash", "asyncapi2-server-no-trailing-slash"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "A server's url (3.x: host and pathname) does not end with a slash.",
		DocURL:      specURL("serverObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, part := range serverParts(p) {
				if len(part.Text) > 1 && strings.HasSuffix(part.Text, "/") {
					out = append(out, within(p, part.Node, part.Text, len(part.Text)-1, len(part.Text), "This "+part.Field+" ends with a slash; remove it."))
				}
			}
			return out
		},
	})
}
