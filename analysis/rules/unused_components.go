package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeUnusedComponents,
		Aliases:     []string{"asyncapi-unused-component", "asyncapi-unused-components-schema", "asyncapi-unused-components-server"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "Every component is referenced somewhere (security schemes: see asyncapi-unused-securityScheme).",
		DocURL:      specURL("componentsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			comps := componentsWritten(p)
			if comps == nil {
				return nil
			}
			used := localTargets(p)
			var out []analysis.Diagnostic
			for _, kind := range comps.Pairs {
				k := kind.Key.Value
				if k == "securitySchemes" || strings.HasPrefix(k, "x-") {
					continue
				}
				m := kind.Value.Resolve()
				if m == nil || m.Kind != syntax.Mapping {
					continue
				}
				for _, c := range m.Pairs {
					if used[strings.Join([]string{"components", k, c.Key.Value}, "\x00")] || strings.HasPrefix(c.Key.Value, "x-") {
						continue
					}
					out = append(out, analysis.Diagnostic{Start: c.Key.Start, End: c.Key.End,
						Message: "The component " + quote(c.Key.Value) + " of " + k + " is never referenced."})
				}
			}
			return out
		},
	})
}
