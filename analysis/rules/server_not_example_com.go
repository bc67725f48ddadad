package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeServerNotExampleCom,
		Aliases:     []string{"asyncapi-3-server-not-example-com"},
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Servers point at real hosts, not example.com.",
		DocURL:      specURL("serverObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, part := range serverParts(p) {
				if i := strings.Index(part.Text, "example.com"); i >= 0 && part.Field != "pathname" {
					out = append(out, within(p, part.Node, part.Text, i, i+len("example.com"), "This server points at example.com; use the real host."))
				}
			}
			return out
		},
	})
}
