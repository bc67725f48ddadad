package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-tag-description",
		Aliases:     []string{"asyncapi-3-tag-description"},
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Every document-level tag has a description.",
		DocURL:      specURL("tagObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			parent, _ := documentTags(p)
			var out []analysis.Diagnostic
			for _, t := range seq(parent.Get("tags")) {
				if tag := p.Deref(t); isMapping(tag) && tag.Get("description") == nil {
					out = append(out, at(t, "Describe the tag "+quote(str(tag, "name"))+"."))
				}
			}
			return out
		},
	})
}
