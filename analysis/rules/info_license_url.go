package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeInfoLicenseURL,
		Severity:    analysis.SeverityOff, // Spectral does not recommend it either
		Versions:    analysis.AllVersions,
		Description: "The license links to its text.",
		DocURL:      specURL("licenseObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Model().Info
			if info == nil || info.License == nil || !local(p, info) || !local(p, info.License) || !isMapping(info.License.Value) || info.License.URL.Node != nil {
				return nil
			}
			return []analysis.Diagnostic{onWrittenKey(p, info.License, "Add the url of the license text.")}
		},
	})
}
