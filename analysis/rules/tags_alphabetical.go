package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeTagsAlphabetical,
		Aliases:     []string{"asyncapi-3-tags-alphabetical"},
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Document-level tags are sorted by name.",
		DocURL:      specURL("tagsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			prev := ""
			for i, tag := range p.Model().Tags { // the API's: at the root in 2.x, in info in 3.x
				name := ""
				if local(p, tag) {
					name = tag.Name.Value
				}
				if i > 0 && strings.ToLower(name) < strings.ToLower(prev) {
					return []analysis.Diagnostic{at(written(p, tag), "Tag "+quote(name)+" should come before "+quote(prev)+": keep tags in alphabetical order.")}
				}
				prev = name
			}
			return nil
		},
	})
}
