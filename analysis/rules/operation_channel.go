package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi3-required-operation-channel-unambiguity",
		Aliases:     []string{"asyncapi-operation-channel"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3,
		Parser:      &analysis.Enforcement{Versions: analysis.V3, Only: "references whose text has no #/channels/"},
		Description: "A root operation's channel is a reference to a root channel (#/channels/…).",
		DocURL:      specURL("operationObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, op := range entries(p, "operations") {
				if !sameDoc(op) {
					continue
				}
				ref := op.Node.Find("channel", "$ref")
				if ref == nil {
					continue // the structure check asks for it
				}
				r, err := refs.Parse(ref.String())
				if err != nil || r.File != "" {
					continue
				}
				if len(r.Pointer) != 2 || r.Pointer[0] != "channels" {
					d := at(ref, "The channel of a root operation must be a root channel (#/channels/…), so that it is clear which channel the application uses.")
					d.BeyondParser = strings.Contains(ref.String(), "#/channels/") // the parser matches the text only
					out = append(out, d)
				}
			}
			return out
		},
	})
}
