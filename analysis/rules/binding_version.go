package rules

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
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
			walkBindings(p.Root, func(_ []string, protocol string, binding *syntax.Node) {
				v := binding.Get("bindingVersion")
				known := schemas.BindingVersions(protocol)
				if len(known) == 0 || v == nil || v.String() == "" || v.String() == "latest" || slices.Contains(known, v.String()) {
					return
				}
				out = append(out, at(v, "The "+protocol+" binding has no version "+quote(v.String())+"; known versions: "+strings.Join(known, ", ")+"."))
			})
			return out
		},
	})
}

// walkBindings calls fn for every protocol's binding object of the
// document: under each "bindings" of an AsyncAPI object and in the
// components' …Bindings maps, with the binding's path. Aliases are not
// followed, so shared YAML content is seen once.
func walkBindings(root *syntax.Node, fn func(path []string, protocol string, binding *syntax.Node)) {
	var walk func(n *syntax.Node, path []string)
	each := func(bindings *syntax.Node, path []string) {
		if bindings == nil || bindings.Kind != syntax.Mapping {
			return
		}
		for _, b := range bindings.Pairs {
			if v := b.Value.Resolve(); v != nil && v.Kind == syntax.Mapping && !strings.HasPrefix(b.Key.Value, "x-") {
				fn(append(slices.Clip(path), b.Key.Value), b.Key.Value, v)
			}
		}
	}
	walk = func(n *syntax.Node, path []string) {
		if n == nil {
			return
		}
		switch n.Kind {
		case syntax.Mapping:
			for _, p := range n.Pairs {
				k := p.Key.Value
				here := append(slices.Clip(path), k)
				switch {
				case k == "bindings":
					each(p.Value, here)
				case len(path) == 1 && path[0] == "components" && strings.HasSuffix(k, "Bindings"):
					for _, named := range p.Value.PairsOrNil() {
						if named.Value.Kind != syntax.Alias {
							each(named.Value, append(slices.Clip(here), named.Key.Value))
						}
					}
				case !opaque[k] && !strings.HasPrefix(k, "x-"):
					walk(p.Value, here)
				}
			}
		case syntax.Sequence:
			for i, it := range n.Items {
				walk(it, append(slices.Clip(path), itoa(i)))
			}
		}
	}
	walk(root, nil)
}
