package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// serverPart is one text of a server that may hold {variables}: url in
// 2.x; host and pathname in 3.x.
type serverPart struct {
	Server item
	Field  string
	Text   string
	Node   *syntax.Node
}

func serverParts(p *analysis.Pass) []serverPart {
	fields := []string{"url"}
	if p.IsV3() {
		fields = []string{"host", "pathname"}
	}
	var out []serverPart
	for _, s := range servers(p) {
		if !sameDoc(s) {
			continue
		}
		for _, f := range fields {
			if n := s.Node.Get(f); n != nil && n.String() != "" {
				out = append(out, serverPart{Server: s, Field: f, Text: n.String(), Node: n})
			}
		}
	}
	return out
}
