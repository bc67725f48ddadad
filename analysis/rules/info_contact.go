package rules

import "asyncapi-ls/analysis"

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-info-contact",
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The info object names a contact for the API.",
		DocURL:      specURL("contactObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Root.Get("info")
			if !isMapping(info) || info.Get("contact") != nil {
				return nil
			}
			return []analysis.Diagnostic{rootKey(p, "info", "Add a contact (name, url, email) to info so that users know whom to ask about this API.")}
		},
	})
}
