package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// Reference is one place that names a subject.
type Reference struct {
	Location
	Declaration bool // the defining key
	Via         Via
	// Node is the "$ref" value, the name scalar or the key that refers.
	Node *syntax.Node
}

// References returns every place across the workspace that names the thing
// under the cursor, the declaration first when asked for; for a YAML anchor
// or alias, the anchor and its aliases.
func References(snap *workspace.Snapshot, offset int, withDeclaration bool) []Reference {
	if refs, ok := anchorReferences(snap.Document(), offset, withDeclaration); ok {
		return refs
	}
	s, ok := SubjectAt(snap.Document(), offset)
	if !ok {
		return nil
	}
	key := s.Key
	var out []Reference
	t, defDoc, err := resolveSubject(snap, s)
	if err == nil {
		key = refs.Key{URI: t.URI, Tokens: t.Tokens}
		if withDeclaration && t.Key != nil {
			out = append(out, Reference{Location: at(defDoc, t.Key), Declaration: true, Via: ViaDeclaration, Node: t.Key})
		}
	}
	out = append(out, refsTo(snap, key)...)
	if err == nil {
		out = append(out, namesOf(snap, defDoc, key)...)
	}
	return out
}

// refsTo lists the "$ref"s of every file of the snapshot that lead to key
// or into it.
func refsTo(snap *workspace.Snapshot, key refs.Key) []Reference {
	key.URI = workspace.Intern(key.URI)
	var out []Reference
	for _, f := range snap.Files() {
		for _, r := range f.Refs() {
			if r.Err == nil && r.Key.HasPrefix(key) {
				out = append(out, Reference{Location: at(f.Doc, r.Value), Via: ViaRef, Node: r.Value})
			}
		}
	}
	return out
}

// namesOf lists the places of doc (the defining document) that name key
// without a "$ref", as its API model reads them: 2.x channel servers and
// security requirements (which name root servers and security schemes),
// and {name}s in channel addresses and server URLs.
func namesOf(snap *workspace.Snapshot, doc *analysis.Document, key refs.Key) []Reference {
	tok := key.Tokens
	// Only these keys can be named without a reference: the model is read
	// (built once per document version) for them alone.
	named := len(tok) == 2 && tok[0] == "servers" || len(tok) == 3 && tok[0] == "components" && tok[1] == "securitySchemes" ||
		len(tok) == 4 && (tok[0] == "channels" && tok[2] == "parameters" || tok[0] == "servers" && tok[2] == "variables")
	if !named {
		return nil
	}
	var out []Reference
	seen := map[*syntax.Node]bool{}
	add := func(n *syntax.Node, via Via) {
		if n != nil && !seen[n] {
			seen[n] = true
			out = append(out, Reference{Location: at(doc, n), Via: via, Node: n})
		}
	}
	m := doc.Model(snap.Root)
	here := func(e model.Element) bool { return e.Common().Loc.URI == m.URI }
	switch {
	case len(tok) == 2 && tok[0] == "servers" && !m.IsV3():
		m.Walk(func(e model.Element) bool {
			if ch, ok := e.(*model.Channel); ok && here(ch) {
				for _, srv := range ch.Servers {
					if srv.Key == tok[1] {
						add(srv.KeyNode, ViaServerName)
					}
				}
			}
			return true
		})
	case len(tok) == 3 && tok[0] == "components" && tok[1] == "securitySchemes" && !m.IsV3():
		m.Walk(func(e model.Element) bool {
			if req, ok := e.(*model.SecurityRequirement); ok && here(req) && req.Key == tok[2] {
				add(req.KeyNode, ViaSecurity)
			}
			return true
		})
	case len(tok) == 4 && tok[0] == "channels" && tok[2] == "parameters":
		for _, ch := range m.Channels {
			if ch.Key == tok[1] && (here(ch) || !m.IsV3()) {
				out = append(out, braceRefs(doc, ch.Address.Node, tok[3])...)
			}
		}
	case len(tok) == 4 && tok[0] == "servers" && tok[2] == "variables":
		for _, srv := range m.Servers {
			if srv.Key == tok[1] && here(srv) {
				for _, field := range []model.Scalar{srv.URL, srv.Host, srv.Pathname} {
					out = append(out, braceRefs(doc, field.Node, tok[3])...)
				}
			}
		}
	}
	return out
}

func braceRefs(doc *analysis.Document, n *syntax.Node, name string) []Reference {
	if n == nil {
		return nil
	}
	var out []Reference
	for _, sp := range BraceNames(doc.Text, n) {
		if string(doc.Text[sp[0]:sp[1]]) == name {
			out = append(out, Reference{Location: Location{URI: doc.URI, Doc: doc, Start: sp[0], End: sp[1]}, Via: ViaBraces})
		}
	}
	return out
}

func pairs(n *syntax.Node) []syntax.Pair {
	if n = n.Resolve(); n == nil || n.Kind != syntax.Mapping {
		return nil
	}
	return n.Pairs
}

func items(n *syntax.Node) []*syntax.Node {
	if n = n.Resolve(); n == nil || n.Kind != syntax.Sequence {
		return nil
	}
	return n.Items
}
