package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

// serverPart is one text of a server that may hold {variables}: url in
// 2.x; host and pathname in 3.x.
type serverPart struct {
	Server *model.Server
	Field  string
	Text   string
	Node   *syntax.Node
}

// serverField is a server field that may hold {variables}.
type serverField struct {
	name  string
	value model.Scalar
}

// serverParts lists the url (2.x) or the host and pathname (3.x) of every
// root and component server written in this document.
func serverParts(p *analysis.Pass) []serverPart {
	var out []serverPart
	for _, s := range servers(p) {
		if !inPlace(p, s) {
			continue
		}
		fields := []serverField{{"url", s.URL}}
		if p.IsV3() { // the model keeps each version's fields; the other version's are not read
			fields = []serverField{{"host", s.Host}, {"pathname", s.Pathname}}
		}
		for _, f := range fields {
			if f.value.Value != "" {
				out = append(out, serverPart{Server: s, Field: f.name, Text: f.value.Value, Node: f.value.Node})
			}
		}
	}
	return out
}
