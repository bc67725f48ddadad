package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeTagDescription,
		Aliases:     []string{"asyncapi-3-tag-description"},
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "Every document-level tag has a description.",
		DocURL:      specURL("tagObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, tag := range p.Model().Tags { // the API's: at the root in 2.x, in info in 3.x
				if local(p, tag) && isMapping(tag.Value) && tag.Description.Node == nil {
					out = append(out, at(written(p, tag), "Describe the tag "+quote(tag.Name.Value)+"."))
				}
			}
			return out
		},
	})
}
