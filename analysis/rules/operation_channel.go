package rules

import (
	"strings"

	"asyncapi-ls/analysis"
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
			for _, op := range p.Model().Operations {
				if !inPlace(p, op) || op.Channel == nil {
					continue // the structure check asks for a channel
				}
				ref := op.Channel.Ref
				ptr, ok := localTarget(p, ref)
				if !ok {
					continue
				}
				if len(ptr) != 2 || ptr[0] != "channels" {
					d := at(ref.Node, "The channel of a root operation must be a root channel (#/channels/…), so that it is clear which channel the application uses.")
					d.BeyondParser = strings.Contains(ref.Node.String(), "#/channels/") // the parser matches the text only
					out = append(out, d)
				}
			}
			return out
		},
	})
}
