package rules

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/schemas"
)

func init() {
	register(analysis.Rule{
		Code:     CodeBindingVersion,
		Severity: analysis.SeverityWarning,
		// 3.x schemas list the versions of each binding, so the structure
		// check covers them; 2.x bindings are free-form.
		Versions:    analysis.V2,
		Description: "A binding's bindingVersion is a released version of that binding.",
		DocURL:      "https://github.com/asyncapi/bindings#readme",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, b := range bindings(p) {
				v, protocol := b.Version, bindingProtocol(b)
				known := schemas.BindingVersions(protocol)
				if len(known) == 0 || v.Value == "" || v.Value == "latest" || slices.Contains(known, v.Value) {
					continue
				}
				out = append(out, at(v.Node, "The "+protocol+" binding has no version "+quote(v.Value)+"; known versions: "+strings.Join(known, ", ")+"."))
			}
			return out
		},
	})
}

// bindings lists the protocol bindings defined in this document (under
// each "bindings" of an AsyncAPI object and in the components' …Bindings
// maps), each once, where it is written: a reference to a binding is
// checked where it leads.
func bindings(p *analysis.Pass) []*model.Binding {
	var out []*model.Binding
	for _, b := range definitions[*model.Binding](p) {
		if isMapping(b.Value) && !strings.HasPrefix(bindingProtocol(b), "x-") {
			out = append(out, b)
		}
	}
	return out
}

// bindingProtocol is the protocol a binding is defined for: its key.
func bindingProtocol(b *model.Binding) string {
	ptr := b.Loc.Pointer
	if len(ptr) == 0 {
		return ""
	}
	return ptr[len(ptr)-1]
}
