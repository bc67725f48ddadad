package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/schemas"
)

func init() {
	register(analysis.Rule{
		Code:        CodeLatestVersion,
		Severity:    analysis.SeverityInformation,
		Versions:    analysis.AllVersions,
		Description: "The document uses the newest AsyncAPI version.",
		DocURL:      specURL("A2SVersionString"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			latest := schemas.Latest()
			if p.Version == latest {
				return nil
			}
			return []analysis.Diagnostic{at(p.Model().Version.Node, "AsyncAPI "+latest+" is the newest version; this document uses "+p.Version+".")}
		},
	})
}
