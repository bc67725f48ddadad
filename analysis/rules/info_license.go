package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-info-license",
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The info object states the API's license.",
		DocURL:      specURL("licenseObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Root.Get("info")
			if !isMapping(info) || info.Get("license") != nil {
				return nil
			}
			return []analysis.Diagnostic{rootKey(p, "info", "Add a license to info so that users know the terms of use.")}
		},
	})
}
