package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        CodeInfoContact,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The info object names a contact for the API.",
		DocURL:      specURL("contactObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Model().Info
			if info == nil || !local(p, info) || !isMapping(info.Value) || info.Contact != nil {
				return nil
			}
			return []analysis.Diagnostic{rootKey(p, "info", "Add a contact (name, url, email) to info so that users know whom to ask about this API.")}
		},
	})
}
