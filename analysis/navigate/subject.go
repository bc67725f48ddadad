package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// Subject is a named, referable thing the cursor is on.
type Subject struct {
	Key refs.Key // where it is defined (not necessarily existing)
	// Start, End span the text under the cursor that names it.
	Start, End int
	// Via says how the cursor names it.
	Via Via
}

// Via is the way a place in the text names a subject.
type Via uint8

const (
	ViaRef         Via = iota + 1 // a "$ref" value
	ViaDeclaration                // the key that defines it
	ViaServerName                 // a 2.x channel's "servers" entry
	ViaSecurity                   // a 2.x security requirement key
	ViaBraces                     // a {name} in a channel address or server URL
	ViaAnchor                     // a YAML anchor (&name)
	ViaAlias                      // a YAML alias (*name)
)

// SubjectAt finds what the text at offset names.
func SubjectAt(doc *analysis.Document, offset int) (Subject, bool) {
	root := doc.Root()
	if root == nil {
		return Subject{}, false
	}
	self := refs.CanonicalURI(doc.URI)
	loc := syntax.At(root, offset)
	path := loc.Path
	n := loc.Node
	if n == nil || len(path) == 0 {
		return Subject{}, false
	}
	last := path[len(path)-1]
	switch {
	case !loc.OnKey && last == "$ref" && n.Kind == syntax.Scalar:
		key, err := refs.Resolve(doc.URI, n.Value)
		if err != nil {
			return Subject{}, false
		}
		return Subject{Key: key, Start: n.Start, End: n.End, Via: ViaRef}, true
	case !loc.OnKey && majorVersion(doc) == 2 && len(path) == 4 && path[0] == "channels" && path[2] == "servers" && n.Kind == syntax.Scalar:
		return Subject{Key: refs.Key{URI: self, Tokens: []string{"servers", n.Value}}, Start: n.Start, End: n.End, Via: ViaServerName}, true
	case loc.OnKey && majorVersion(doc) == 2 && isSecurityRequirement(path):
		return Subject{Key: refs.Key{URI: self, Tokens: []string{"components", "securitySchemes", last}}, Start: n.Start, End: n.End, Via: ViaSecurity}, true
	}
	if s, ok := bracesAt(doc, loc, self, offset); ok {
		return s, true
	}
	// Any key of a fragment (a file that is not an AsyncAPI document) may be
	// the target of references; in a document, the named objects are.
	if loc.OnKey && (Definable(path) || !doc.IsAsyncAPI()) {
		return Subject{Key: refs.Key{URI: self, Tokens: append([]string(nil), path...)}, Start: n.Start, End: n.End, Via: ViaDeclaration}, true
	}
	return Subject{}, false
}

// Definable reports whether path is the key of a named object others can
// refer to: a component, channel, operation, server, channel message,
// channel parameter or server variable.
func Definable(path []string) bool {
	switch len(path) {
	case 2:
		return path[0] == "channels" || path[0] == "operations" || path[0] == "servers"
	case 3:
		_, ok := refs.ComponentKinds[path[1]]
		return path[0] == "components" && ok
	case 4:
		return (path[0] == "channels" && (path[2] == "messages" || path[2] == "parameters")) ||
			(path[0] == "servers" && path[2] == "variables")
	}
	return false
}

// isSecurityRequirement: the key of a 2.x security requirement
// (servers/x/security/0/name, channels/c/publish/security/0/name).
func isSecurityRequirement(path []string) bool {
	n := len(path)
	if n < 4 || path[n-3] != "security" {
		return false
	}
	return (n == 5 && path[0] == "servers") ||
		(n == 6 && path[0] == "channels" && (path[2] == "publish" || path[2] == "subscribe"))
}

// bracesAt finds a {name} under the cursor in a channel address (the 2.x
// channel key, the 3.x "address") or a server URL, host or pathname.
func bracesAt(doc *analysis.Document, loc syntax.Location, self string, offset int) (Subject, bool) {
	path, n := loc.Path, loc.Node
	var owner []string
	var section string
	switch {
	case loc.OnKey && len(path) == 2 && path[0] == "channels":
		owner, section = path, "parameters"
	case !loc.OnKey && len(path) == 3 && path[0] == "channels" && path[2] == "address":
		owner, section = path[:2], "parameters"
	case !loc.OnKey && len(path) == 3 && path[0] == "servers" && (path[2] == "url" || path[2] == "host" || path[2] == "pathname"):
		owner, section = path[:2], "variables"
	default:
		return Subject{}, false
	}
	start, end, ok := braceSpan(doc.Text, n.Start, n.End, offset)
	if !ok {
		return Subject{}, false
	}
	tokens := append(append([]string(nil), owner...), section, string(doc.Text[start:end]))
	return Subject{Key: refs.Key{URI: self, Tokens: tokens}, Start: start, End: end, Via: ViaBraces}, true
}

// braceSpan is the name inside the "{...}" around offset, within [lo, hi).
func braceSpan(text []byte, lo, hi, offset int) (int, int, bool) {
	open := -1
	for i := min(offset, hi-1); i >= lo; i-- {
		if text[i] == '{' {
			open = i
			break
		}
		if text[i] == '}' && i != offset {
			return 0, 0, false
		}
	}
	if open < 0 {
		return 0, 0, false
	}
	for j := open + 1; j < hi; j++ {
		switch text[j] {
		case '}':
			if offset > j || j == open+1 {
				return 0, 0, false
			}
			return open + 1, j, true
		case '{', '\n', '"', '\'':
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// BraceNames returns the spans of every "{name}" in the text of n.
func BraceNames(text []byte, n *syntax.Node) [][2]int {
	var out [][2]int
	for i := n.Start; i < n.End; i++ {
		if text[i] != '{' {
			continue
		}
		for j := i + 1; j < n.End; j++ {
			if text[j] == '}' {
				if j > i+1 {
					out = append(out, [2]int{i + 1, j})
				}
				i = j
				break
			}
			if text[j] == '{' || text[j] == '\n' {
				break
			}
		}
	}
	return out
}

// resolveSubject finds the definition of a subject through the snapshot:
// the target key node (nil for a whole document) and its document.
func resolveSubject(snap *workspace.Snapshot, s Subject) (refs.Target, *analysis.Document, error) {
	t, err := refs.Lookup(snap.Root, s.Key)
	if err != nil {
		return refs.Target{}, nil, err
	}
	d, err := snap.Load(t.URI)
	if err != nil {
		return refs.Target{}, nil, err
	}
	return t, d, nil
}
