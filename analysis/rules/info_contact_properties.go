package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
)

func init() {
	register(analysis.Rule{
		Code:        CodeInfoContactProperties,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The contact has a name, a url and an email.",
		DocURL:      specURL("contactObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			info := p.Model().Info
			if info == nil || info.Contact == nil || !local(p, info) || !local(p, info.Contact) || !isMapping(info.Contact.Value) {
				return nil
			}
			var missing []string
			for _, f := range []struct {
				name  string
				field model.Scalar
			}{{"name", info.Contact.Name}, {"url", info.Contact.URL}, {"email", info.Contact.Email}} {
				if f.field.Node == nil {
					missing = append(missing, f.name)
				}
			}
			if len(missing) == 0 {
				return nil
			}
			return []analysis.Diagnostic{onWrittenKey(p, info.Contact, "The contact lacks "+strings.Join(missing, ", ")+".")}
		},
	})
}
