package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeParameterValues,
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3, // 2.x parameters have schemas, checked by asyncapi-schema-default and -examples
		Description: "A parameter's default and examples are among its enum values.",
		DocURL:      specURL("parameterObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, prm := range parameters(p) {
				if len(prm.Enum) == 0 {
					continue
				}
				allowed := map[string]bool{}
				for _, e := range prm.Enum {
					allowed[e.Value] = true
				}
				values := append([]model.Scalar{prm.Default}, prm.Examples...)
				for i, v := range values {
					if r := v.Node.Resolve(); r == nil || r.Kind != syntax.Scalar || allowed[v.Value] {
						continue
					}
					what := "example"
					if i == 0 {
						what = "default"
					}
					out = append(out, at(v.Node, "The "+what+" "+quote(v.Value)+" of parameter "+quote(prm.Key)+" is not one of its enum values."))
				}
			}
			return out
		},
	})
}
