package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// checkSecurity checks one "security" list of a server or an operation.
//
// 2.x: each entry maps scheme names to scopes; every name must be a
// components.securitySchemes key and, for OAuth2, every scope one of its
// flows' scopes. 3.x: each entry is a Security Scheme (or a reference to
// one) whose required scopes must be available in its OAuth2 flows.
func checkSecurity(p *analysis.Pass, list *syntax.Node) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	schemes := p.Find("components", "securitySchemes")
	for _, entry := range seq(list) {
		if p.IsV3() {
			scheme := p.Deref(entry)
			if scheme == nil || !isMapping(scheme) {
				continue
			}
			out = append(out, checkScopes(scheme, seq(scheme.Get("scopes")), "availableScopes")...)
			continue
		}
		m := entry.Resolve()
		if m == nil || m.Kind != syntax.Mapping {
			continue
		}
		for _, pair := range m.Pairs {
			scheme := p.Deref(schemes.Get(pair.Key.Value))
			if scheme == nil {
				out = append(out, analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End,
					Message: "No security scheme " + quote(pair.Key.Value) + " is defined in components.securitySchemes."})
				continue
			}
			out = append(out, checkScopes(scheme, seq(pair.Value), "scopes")...)
		}
	}
	return out
}

// checkScopes reports scopes that none of an OAuth2 scheme's flows offer.
func checkScopes(scheme *syntax.Node, scopes []*syntax.Node, field string) []analysis.Diagnostic {
	if str(scheme, "type") != "oauth2" || len(scopes) == 0 {
		return nil
	}
	offered := map[string]bool{}
	flows := scheme.Get("flows").Resolve()
	if flows == nil || flows.Kind != syntax.Mapping {
		return nil
	}
	for _, f := range flows.Pairs {
		if s := f.Value.Get(field).Resolve(); s != nil && s.Kind == syntax.Mapping {
			for _, sc := range s.Pairs {
				offered[sc.Key.Value] = true
			}
		}
	}
	var out []analysis.Diagnostic
	for _, sc := range scopes {
		if name := sc.String(); name != "" && !offered[name] {
			out = append(out, at(sc, "The scope "+quote(name)+" is not offered by any flow of this OAuth2 scheme."))
		}
	}
	return out
}
