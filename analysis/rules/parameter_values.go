package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-parameter-values",
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3, // 2.x parameters have schemas, checked by asyncapi-schema-default and -examples
		Description: "A parameter's default and examples are among its enum values.",
		DocURL:      specURL("parameterObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			seen := map[*syntax.Node]bool{}
			var params []item
			for _, ch := range channels(p) {
				if ch.Path != nil {
					params = append(params, entries(p, append(ch.Path, "parameters")...)...)
				}
			}
			params = append(params, entries(p, "components", "parameters")...)
			for _, prm := range params {
				if prm.Node == nil || seen[prm.Node] || !sameDoc(prm) {
					continue
				}
				seen[prm.Node] = true
				enum := seq(prm.Node.Get("enum"))
				if len(enum) == 0 {
					continue
				}
				allowed := map[string]bool{}
				for _, e := range enum {
					allowed[e.String()] = true
				}
				values := append([]*syntax.Node{prm.Node.Get("default")}, seq(prm.Node.Get("examples"))...)
				for i, v := range values {
					if v == nil || v.Resolve().Kind != syntax.Scalar || allowed[v.String()] {
						continue
					}
					what := "example"
					if i == 0 {
						what = "default"
					}
					out = append(out, at(v, "The "+what+" "+quote(v.String())+" of parameter "+quote(prm.Name)+" is not one of its enum values."))
				}
			}
			return out
		},
	})
}
