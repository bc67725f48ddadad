package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-tags-uniqueness",
		Aliases:     []string{"asyncapi-3-tags-uniqueness", "asyncapi2-tags-uniqueness"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.V2, Only: "tags of the document, operations, messages and their traits, not of servers"},
		Description: "No tags list names the same tag twice.",
		DocURL:      specURL("tagsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			// The parser leaves the tags of servers alone.
			serverTags := map[*syntax.Node]bool{}
			for _, s := range []*syntax.Node{p.Root.Get("servers"), p.Root.Find("components", "servers")} {
				walkSpec(s, func(key string, n *syntax.Node) { serverTags[n] = serverTags[n] || key == "tags" })
			}
			walkSpec(p.Root, func(key string, n *syntax.Node) {
				if key != "tags" {
					return
				}
				first := map[string]*syntax.Node{}
				for _, t := range seq(n) {
					tag := p.Deref(t)
					name := tag.Get("name")
					if name == nil || name.String() == "" {
						continue
					}
					if prev := first[name.String()]; prev != nil {
						d := at(name, "The tag "+quote(name.String())+" is already in this list; tag names must be unique.")
						d.Related = []analysis.Related{{Start: prev.Start, End: prev.End, Message: "first use"}}
						d.BeyondParser = serverTags[n]
						out = append(out, d)
						continue
					}
					first[name.String()] = name
				}
			})
			return out
		},
	})
}
