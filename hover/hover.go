package hover

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/schemas"
)

// Request is one hover request.
type Request struct {
	Text   []byte
	Offset int
	Format syntax.Format
	// Tree is the parse of Text; nil when Text does not parse (hover then
	// works from the text around the cursor).
	Tree *syntax.Node
	// LastGood is the newest tree that parsed, for names and targets when
	// Tree is nil.
	LastGood *syntax.Node
	// Snapshot is the request's view of the other files, for previews of
	// cross-file references and for saying what a referenced file is; nil
	// shows none.
	Snapshot *workspace.Snapshot
	// Mapper is the line table of Text, when the caller has one already.
	Mapper *source.Mapper
}

// Result is the hover text and the span it is about.
type Result struct {
	Markdown   string
	Start, End int
}

// Hover returns what to show at req.Offset; ok is false when there is nothing.
func Hover(req Request) (Result, bool) {
	if res, ok := anchorHover(req); ok {
		return res, true
	}
	if req.Tree == nil {
		return fromText(req)
	}
	version := analysis.VersionOf(req.Tree, req.Text)
	loc := syntax.At(req.Tree, req.Offset)
	if loc.Node == nil || len(loc.Path) == 0 {
		return Result{}, false
	}
	n := loc.Node
	isRef := !loc.OnKey && loc.Path[len(loc.Path)-1] == "$ref" // a reference is resolved before any format reads it
	if md, inside := avroMarkdown(req.Tree, loc); inside && !isRef && (loc.OnKey || n.Kind == syntax.Scalar) {
		return Result{Markdown: md, Start: n.Start, End: n.End}, md != ""
	}
	if loc.OnKey {
		md := keyMarkdown(version, req.Tree, loc.Path)
		return Result{Markdown: md, Start: n.Start, End: n.End}, md != ""
	}
	if n.Kind != syntax.Scalar {
		return Result{}, false
	}
	last := loc.Path[len(loc.Path)-1]
	var md string
	switch {
	case isRef:
		md = refMarkdown(req, req.Tree, n.Value)
	case len(loc.Path) == 1 && last == "asyncapi":
		md = versionMarkdown(n.Value)
	default:
		if name, ok := braceNameAt(req.Text, n, req.Offset); ok {
			md = braceMarkdown(req.Tree, loc.Path, name)
		}
		if md == "" {
			md = fieldMarkdown(version, req.Tree, loc.Path)
		}
	}
	return Result{Markdown: md, Start: n.Start, End: n.End}, md != ""
}

// fromText answers for a document that does not parse: a key's description,
// from the path the indentation gives.
func fromText(req Request) (Result, bool) {
	version := analysis.VersionOf(nil, req.Text)
	ctx := syntax.ContextAt(req.Text, req.Offset, req.Format)
	if !ctx.InKey {
		return Result{}, false
	}
	name := strings.Trim(string(req.Text[ctx.ReplaceStart:ctx.ReplaceEnd]), `"' `)
	if name == "" {
		return Result{}, false
	}
	md := keyMarkdown(version, req.LastGood, append(append([]string(nil), ctx.Path...), name))
	return Result{Markdown: md, Start: ctx.ReplaceStart, End: ctx.ReplaceEnd}, md != ""
}

// keyMarkdown describes the key at path: the schema's description, whether
// it is required, its type and allowed values, and the specification link.
func keyMarkdown(version string, root *syntax.Node, path []string) string {
	if !schemas.IsSupported(version) {
		if len(path) == 1 && path[0] == "asyncapi" {
			return "**asyncapi**\n\nThe version of the AsyncAPI specification this document follows. Supported: " + strings.Join(schemas.Supported(), ", ") + "."
		}
		return ""
	}
	if md, ok := bindingMarkdown(root, path, true); ok {
		return md
	}
	m := schemas.At(version, analysis.SpineData(root, path), path)
	if m == nil {
		return ""
	}
	parent := schemas.At(version, analysis.SpineData(root, path[:len(path)-1]), path[:len(path)-1])
	return keyHeading(path[len(path)-1], parent) + m.Markdown()
}

// keyHeading is the bold key name, marked when parent requires it.
func keyHeading(name string, parent *schemas.Model) string {
	heading := "**" + name + "**"
	if parent != nil {
		for _, k := range parent.Keys() {
			if k.Name == name && k.Required {
				heading += " (required)"
			}
		}
	}
	return heading + "\n\n"
}

// fieldMarkdown describes the field a value belongs to.
func fieldMarkdown(version string, root *syntax.Node, path []string) string {
	if !schemas.IsSupported(version) {
		return ""
	}
	if md, ok := bindingMarkdown(root, path, false); ok {
		return md
	}
	m := schemas.At(version, analysis.SpineData(root, path), path)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m.Markdown())
}

// versionMarkdown tells which specification version the document follows
// and whether a newer one exists.
func versionMarkdown(v string) string {
	if !schemas.IsSupported(v) {
		return "AsyncAPI `" + v + "` is not a supported version. Supported: " + strings.Join(schemas.Supported(), ", ") + "."
	}
	md := "**AsyncAPI " + v + "**"
	if latest := schemas.Latest(); latest != v {
		md += "\n\nA newer version of the specification exists: **" + latest + "**."
	} else {
		md += "\n\nThis is the latest version of the specification."
	}
	return md + "\n\n[Specification](https://www.asyncapi.com/docs/reference/specification/v" + v + ")"
}
