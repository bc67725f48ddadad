package rules

import (
	"slices"

	"asyncapi-ls/analysis"
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
			for _, binding := range bindings(p) {
				path := slices.Clip(binding.Loc.Pointer)
				object, _, ok := schemas.BindingLocation(path)
				if !ok {
					continue
				}
				// Without a bindingVersion the binding means "latest", but 2.x
				// documents were written against whatever was latest then:
				// only a version written out is held to its definition.
				version := binding.Version.Value
				if version == "" || version == "latest" {
					continue
				}
				b, ok := schemas.ChooseBinding(bindingProtocol(binding), object, version)
				if !ok || !b.Exact {
					continue // an unknown version is the business of asyncapi-binding-version
				}
				value, err := binding.Value.Data()
				if err != nil {
					continue
				}
				for _, pr := range b.Validate(value, path) {
					d := analysis.ProblemDiagnostic(p.Root, pr)
					d.Severity, d.Code = 0, "" // the rule's own
					d.Message = pr.Message + " (" + b.Label() + ")"
					out = append(out, d)
				}
			}
			return out
		},
	})
}
