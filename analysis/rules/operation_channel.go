package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi3-required-operation-channel-unambiguity",
		Aliases:     []string{"asyncapi-operation-channel"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3,
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
					out = append(out, at(ref, "The channel of a root operation must be a root channel (#/channels/…), so that it is clear which channel the application uses."))
				}
			}
			return out
		},
	})
}
