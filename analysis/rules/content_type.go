package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-content-type",
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.V3,
		Description: "Every message with a payload has a content type, its own or the document's defaultContentType.",
		DocURL:      specURL("messageObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			if p.Root.Get("defaultContentType") != nil {
				return nil
			}
			var out []analysis.Diagnostic
			for _, m := range messages(p) {
				if m.Node.Get("payload") == nil || m.Node.Get("contentType") != nil || hasTraitKey(p, m, "contentType") {
					continue
				}
				out = append(out, keyAt(m.Node, "payload", "This payload has no content type: set contentType on the message or defaultContentType on the document."))
			}
			return out
		},
	})
}

// hasTraitKey reports whether one of the message's traits sets key.
func hasTraitKey(p *analysis.Pass, m item, key string) bool {
	for _, t := range seq(m.Node.Get("traits")) {
		if n := p.Deref(t); n != nil && n.Get(key) != nil {
			return true
		}
	}
	return false
}
