package rules

import (
	"errors"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
)

// checkSecurity checks the security requirements of a server, an operation
// or an operation trait, as the model reads them.
//
// 2.x: each requirement names a components.securitySchemes key and, for
// OAuth2, scopes that one of its flows offers. 3.x: each requirement is a
// Security Scheme (or a reference to one) whose required scopes must be
// available in its OAuth2 flows; they are reported where the scheme is
// written, so only for schemes of this document.
func checkSecurity(p *analysis.Pass, reqs []*model.SecurityRequirement) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, r := range reqs {
		if nameErr := (*model.NameError)(nil); errors.As(r.Problem, &nameErr) {
			out = append(out, analysis.Diagnostic{Start: r.KeyNode.Start, End: r.KeyNode.End,
				Message: "No security scheme " + quote(r.Key) + " is defined in components.securitySchemes."})
			continue
		}
		if r.Scheme == nil || !local(p, r) || !isMapping(r.Scheme.Value) {
			continue // no security at all (an empty 2.x requirement), or nothing to check here
		}
		out = append(out, checkScopes(r.Scheme, r.Scopes)...)
	}
	return out
}

// checkScopes reports scopes that none of an OAuth2 scheme's flows offer.
func checkScopes(scheme *model.SecurityScheme, scopes []model.Scalar) []analysis.Diagnostic {
	if scheme.Type.Value != "oauth2" || len(scopes) == 0 || scheme.Flows == nil {
		return nil
	}
	offered := map[string]bool{}
	for _, f := range scheme.Flows {
		for _, sc := range f.Scopes {
			offered[sc.Value] = true
		}
	}
	var out []analysis.Diagnostic
	for _, sc := range scopes {
		if name := sc.Value; name != "" && !offered[name] {
			out = append(out, at(sc.Node, "The scope "+quote(name)+" is not offered by any flow of this OAuth2 scheme."))
		}
	}
	return out
}
