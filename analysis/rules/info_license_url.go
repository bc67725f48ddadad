package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-info-license-url",
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "The license links to its text.",
		DocURL:      specURL("licenseObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			license := p.Find("info", "license")
			if !isMapping(license) || license.Get("url") != nil {
				return nil
			}
			return []analysis.Diagnostic{keyAt(p.Root.Get("info"), "license", "Add the url of the license text.")}
		},
	})
}
