package rules

import (
	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeMessageMessageID,
		Aliases:     []string{"asyncapi2-message-messageId"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.Versions{Min: "2.4.0", Max: "2.99.99"}, // the field exists from 2.4; 3.x messages are named by their keys
		Description: "Every message has a messageId, which code generators use for names.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#messageObject",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, m := range messages(p) {
				// The message or one of its traits may give it.
				if m.Applied().MessageID.Node != nil || !isMapping(m.Value) {
					continue
				}
				out = append(out, onDefinition(p, m, "This message has no messageId; add one so that tools can name it."))
			}
			return out
		},
	})
}
