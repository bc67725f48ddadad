package navigate

import (
	"sort"

	"asyncapi-ls/analysis"
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
func References(ws *workspace.Workspace, doc *analysis.Document, offset int, withDeclaration bool) []Reference {
	if refs, ok := anchorReferences(doc, offset, withDeclaration); ok {
		return refs
	}
	s, ok := SubjectAt(doc, offset)
	if !ok {
		return nil
	}
	key := s.Key
	var out []Reference
	t, defDoc, err := resolveSubject(ws, doc, s)
	if err == nil {
		key = refs.Key{URI: t.URI, Tokens: t.Tokens}
		if withDeclaration && t.Key != nil {
			out = append(out, Reference{Location: at(defDoc, t.Key), Declaration: true, Via: ViaDeclaration, Node: t.Key})
		}
	}
	out = append(out, refsTo(ws, doc, key)...)
	if err == nil {
		out = append(out, namesOf(defDoc, key)...)
	}
	return out
}

// refsTo lists the "$ref"s of every workspace file that lead to key or into it.
func refsTo(ws *workspace.Workspace, doc *analysis.Document, key refs.Key) []Reference {
	key.URI = workspace.Intern(key.URI)
	var out []Reference
	for _, f := range filesOf(ws, doc) {
		for _, r := range f.Refs() {
			if r.Err == nil && r.Key.HasPrefix(key) {
				out = append(out, Reference{Location: at(f.Doc, r.Value), Via: ViaRef, Node: r.Value})
			}
		}
	}
	return out
}

// filesOf is the workspace's files with doc's snapshot standing for its own
// URI, sorted by URI.
func filesOf(ws *workspace.Workspace, doc *analysis.Document) []*workspace.File {
	files := ws.Files()
	self := refs.CanonicalURI(doc.URI)
	for i, f := range files {
		if f.URI == self {
			if f.Doc != doc {
				files[i] = workspace.NewFile(doc)
			}
			return files
		}
	}
	files = append(files, workspace.NewFile(doc))
	sort.Slice(files, func(i, j int) bool { return files[i].URI < files[j].URI })
	return files
}

// namesOf lists the places of doc (the defining document) that name key
// without a "$ref": 2.x channel servers and security requirements, and
// {name}s in channel addresses and server URLs.
func namesOf(doc *analysis.Document, key refs.Key) []Reference {
	root := doc.Root()
	tok := key.Tokens
	var out []Reference
	add := func(n *syntax.Node, via Via) {
		out = append(out, Reference{Location: at(doc, n), Via: via, Node: n})
	}
	switch {
	case len(tok) == 2 && tok[0] == "servers" && majorVersion(doc) == 2:
		for _, ch := range pairs(root.Get("channels")) {
			for _, it := range items(ch.Value.Get("servers")) {
				if it.Kind == syntax.Scalar && it.Value == tok[1] {
					add(it, ViaServerName)
				}
			}
		}
	case len(tok) == 3 && tok[0] == "components" && tok[1] == "securitySchemes" && majorVersion(doc) == 2:
		for _, req := range securityRequirements(root) {
			for _, p := range req.Pairs {
				if p.Key.Value == tok[2] {
					add(p.Key, ViaSecurity)
				}
			}
		}
	case len(tok) == 4 && tok[0] == "channels" && tok[2] == "parameters":
		if pair := root.FindPair("channels", tok[1]); pair != nil {
			holder := pair.Key
			if a := pair.Value.Get("address"); a != nil && majorVersion(doc) == 3 {
				holder = a
			}
			out = append(out, braceRefs(doc, holder, tok[3])...)
		}
	case len(tok) == 4 && tok[0] == "servers" && tok[2] == "variables":
		srv := root.Find("servers", tok[1])
		for _, field := range []string{"url", "host", "pathname"} {
			if n := srv.Get(field); n != nil {
				out = append(out, braceRefs(doc, n, tok[3])...)
			}
		}
	}
	return out
}

func braceRefs(doc *analysis.Document, n *syntax.Node, name string) []Reference {
	var out []Reference
	for _, sp := range BraceNames(doc.Text, n) {
		if string(doc.Text[sp[0]:sp[1]]) == name {
			out = append(out, Reference{Location: Location{URI: doc.URI, Doc: doc, Start: sp[0], End: sp[1]}, Via: ViaBraces})
		}
	}
	return out
}

// securityRequirements returns the 2.x security requirement mappings.
func securityRequirements(root *syntax.Node) []*syntax.Node {
	var out []*syntax.Node
	collect := func(list *syntax.Node) {
		for _, it := range items(list) {
			if r := it.Resolve(); r != nil && r.Kind == syntax.Mapping {
				out = append(out, r)
			}
		}
	}
	for _, s := range pairs(root.Get("servers")) {
		collect(s.Value.Resolve().Get("security"))
	}
	for _, ch := range pairs(root.Get("channels")) {
		for _, op := range []string{"publish", "subscribe"} {
			collect(ch.Value.Resolve().Find(op, "security"))
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
