package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-info-description",
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The info object describes the API.",
		DocURL:      specURL("infoObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Root.Get("info")
			if !isMapping(info) {
				return nil
			}
			if d := info.Get("description"); d != nil && strings.TrimSpace(d.String()) != "" {
				return nil
			}
			if info.Get("description") != nil {
				return []analysis.Diagnostic{keyAt(info, "description", "The API description is empty.")}
			}
			return []analysis.Diagnostic{rootKey(p, "info", "Add a description to info: what the API is for and how to use it.")}
		},
	})
}
