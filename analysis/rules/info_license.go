package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeInfoLicense,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The info object states the API's license.",
		DocURL:      specURL("licenseObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Model().Info
			if info == nil || !local(p, info) || !isMapping(info.Value) || info.License != nil {
				return nil
			}
			return []analysis.Diagnostic{rootKey(p, "info", "Add a license to info so that users know the terms of use.")}
		},
	})
}
