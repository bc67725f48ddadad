package rules

import (
	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-message-examples",
		Serial:      "jsonschema", // one schema compiler per pass
		Aliases:     []string{"asyncapi2-message-examples"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions, // the specification requires it of 3.x examples too
		Description: "Message examples fit the message's payload and headers schemas.",
		DocURL:      specURL("messageExampleObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			check := func(m item, sites map[string]schemaSite) {
				for i, ex := range seq(m.Node.Get("examples")) {
					if !isMapping(ex) {
						continue
					}
					exPath := append(append([]string(nil), m.Path...), "examples", itoa(i))
					for _, field := range []string{"payload", "headers"} {
						site, ok := sites[field]
						if !ok || ex.Get(field) == nil {
							continue
						}
						if k, _ := classify(site.Format); k != formatJSONSchema {
							continue
						}
						vs, ok := schemasOf(p).validate(site.Path, append(exPath, field))
						if ok {
							out = append(out, report(p, append(exPath, field), "The example "+field, vs)...)
						}
					}
				}
			}
			for _, m := range messages(p) {
				sites := map[string]schemaSite{}
				for _, field := range []string{"payload", "headers"} {
					if s, ok := messageSchema(p, m, field); ok {
						sites[field] = s
					} else if s, ok := traitSchema(p, m, field); ok {
						sites[field] = s
					}
				}
				check(m, sites)
			}
			for _, t := range messageTraits(p) {
				sites := map[string]schemaSite{}
				for _, field := range []string{"payload", "headers"} {
					if s, ok := messageSchema(p, t, field); ok {
						sites[field] = s
					}
				}
				check(t, sites)
			}
			return out
		},
	})
}

// traitSchema finds payload or headers in a message's traits, the last
// trait winning, as when traits are applied.
func traitSchema(p *analysis.Pass, m item, field string) (schemaSite, bool) {
	var found schemaSite
	ok := false
	for i := range seq(m.Node.Get("traits")) {
		t := child(p, append(append([]string(nil), m.Path...), "traits"), itoa(i), nil)
		if t.Node == nil || t.Path == nil {
			continue
		}
		if s, has := messageSchema(p, t, field); has {
			found, ok = s, true
		}
	}
	return found, ok
}
