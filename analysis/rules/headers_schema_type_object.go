package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeHeadersSchemaTypeObject,
		Aliases:     []string{"asyncapi-3-headers-schema-type-object"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Description: `Message headers are described by a schema of type "object".`,
		DocURL:      specURL("messageObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			check := func(e model.Element) {
				site, ok := messageSchema(p, e, "headers")
				if !ok {
					return
				}
				if k, _ := classify(site.Format); k != formatJSONSchema {
					return
				}
				schema := p.Deref(site.Node)
				if schema == nil || !isMapping(schema) {
					return
				}
				t := schema.Get("type") // a JSON Schema keyword: schemas are not modelled inside
				switch {
				case t == nil:
					out = append(out, onWrittenKey(p, site.Element, `The headers schema must have type "object".`))
				case t.String() != "object" && !listHas(t, "object") && p.IsV3():
					// 2.x: the structure check already wants "object".
					out = append(out, at(t, `The headers schema must have type "object", not `+describeType(t)+"."))
				}
			}
			for _, m := range messages(p) {
				check(m)
			}
			for _, t := range messageTraits(p) {
				check(t)
			}
			return out
		},
	})
}

func listHas(n *syntax.Node, s string) bool {
	items := seq(n)
	return len(items) == 1 && items[0].String() == s
}

func describeType(n *syntax.Node) string {
	if s := n.String(); s != "" {
		return quote(s)
	}
	return "this"
}
