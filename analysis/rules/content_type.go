package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeContentType,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.V3,
		Description: "Every message with a payload has a content type, its own or the document's defaultContentType.",
		DocURL:      specURL("messageObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			if p.Model().DefaultContentType.Node != nil {
				return nil
			}
			var out []analysis.Diagnostic
			for _, m := range messages(p) {
				// The message or one of its traits may set it.
				if m.Payload == nil || m.Applied().ContentType.Node != nil {
					continue
				}
				out = append(out, onWrittenKey(p, m.Payload, "This payload has no content type: set contentType on the message or defaultContentType on the document."))
			}
			return out
		},
	})
}
