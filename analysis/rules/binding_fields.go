package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

func init() {
	register(analysis.Rule{
		Code:     CodeBindingFields,
		Severity: analysis.SeverityWarning,
		// 3.x schemas check bindings per bindingVersion themselves (errors,
		// as the official parser reports them); 2.x schemas leave bindings
		// open, so what the binding defines is checked here, as warnings.
		Versions:    analysis.V2,
		Description: "A binding that names its bindingVersion has the fields that version defines, with the types and values it allows.",
		DocURL:      "https://github.com/asyncapi/bindings#readme",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			walkBindings(p.Root, func(path []string, protocol string, binding *syntax.Node) {
				object, _, ok := schemas.BindingLocation(path)
				if !ok {
					return
				}
				// Without a bindingVersion the binding means "latest", but 2.x
				// documents were written against whatever was latest then:
				// only a version written out is held to its definition.
				version := binding.Get("bindingVersion").String()
				if version == "" || version == "latest" || binding.Get("$ref") != nil {
					return
				}
				b, ok := schemas.ChooseBinding(protocol, object, version)
				if !ok || !b.Exact {
					return // an unknown version is the business of asyncapi-binding-version
				}
				value, err := binding.Data()
				if err != nil {
					return
				}
				for _, pr := range b.Validate(value, path) {
					d := analysis.ProblemDiagnostic(p.Root, pr)
					d.Severity, d.Code = 0, "" // the rule's own
					d.Message = pr.Message + " (" + b.Label() + ")"
					out = append(out, d)
				}
			})
			return out
		},
	})
}
