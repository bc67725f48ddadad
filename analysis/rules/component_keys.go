package rules

import (
	"regexp"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// componentKey is the form the specification gives component names.
var componentKey = regexp.MustCompile(`^[a-zA-Z0-9.\-_]+$`)

func init() {
	register(analysis.Rule{
		Code:        CodeComponentKey,
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Description: "Component names use only letters, digits, dots, hyphens and underscores.",
		DocURL:      specURL("componentsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			comps := componentsWritten(p)
			if comps == nil {
				return nil
			}
			var out []analysis.Diagnostic
			for _, kind := range comps.Pairs {
				m := kind.Value.Resolve()
				if strings.HasPrefix(kind.Key.Value, "x-") || m == nil || m.Kind != syntax.Mapping {
					continue
				}
				for _, c := range m.Pairs {
					if !componentKey.MatchString(c.Key.Value) {
						out = append(out, analysis.Diagnostic{Start: c.Key.Start, End: c.Key.End,
							Message: "The component name " + quote(c.Key.Value) + " may only use letters, digits, '.', '-' and '_'."})
					}
				}
			}
			return out
		},
	})
}
