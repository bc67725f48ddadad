package rules

import (
	"strings"

	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-info-contact-properties",
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The contact has a name, a url and an email.",
		DocURL:      specURL("contactObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			contact := p.Find("info", "contact")
			if !isMapping(contact) {
				return nil
			}
			var missing []string
			for _, k := range []string{"name", "url", "email"} {
				if contact.Get(k) == nil {
					missing = append(missing, k)
				}
			}
			if len(missing) == 0 {
				return nil
			}
			return []analysis.Diagnostic{keyAt(p.Root.Get("info"), "contact", "The contact lacks "+strings.Join(missing, ", ")+".")}
		},
	})
}
