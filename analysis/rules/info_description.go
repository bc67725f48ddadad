package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        CodeInfoDescription,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The info object describes the API.",
		DocURL:      specURL("infoObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Model().Info
			if info == nil || !local(p, info) || !isMapping(info.Value) {
				return nil
			}
			if d := info.Description; d.Node != nil && strings.TrimSpace(d.Value) != "" {
				return nil
			}
			if info.Description.Node != nil {
				return []analysis.Diagnostic{keyAt(info.Value, "description", "The API description is empty.")}
			}
			return []analysis.Diagnostic{rootKey(p, "info", "Add a description to info: what the API is for and how to use it.")}
		},
	})
}
