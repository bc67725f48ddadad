package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-tags-alphabetical",
		Aliases:     []string{"asyncapi-3-tags-alphabetical"},
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Document-level tags are sorted by name.",
		DocURL:      specURL("tagsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			parent, _ := documentTags(p)
			prev := ""
			for i, t := range seq(parent.Get("tags")) {
				name := str(p.Deref(t), "name")
				if i > 0 && strings.ToLower(name) < strings.ToLower(prev) {
					return []analysis.Diagnostic{at(t, "Tag "+quote(name)+" should come before "+quote(prev)+": keep tags in alphabetical order.")}
				}
				prev = name
			}
			return nil
		},
	})
}
