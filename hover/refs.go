package hover

import (
	"path"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// previewLines caps the lines of a reference target shown in a hover.
const previewLines = 15

// refMarkdown previews the target of a "$ref": where it lives and its first
// lines, in the notation of its file.
func refMarkdown(req Request, root *syntax.Node, value string) string {
	ref, err := refs.Parse(value)
	if err != nil {
		return "`" + value + "` is not a valid reference: " + err.Error() + "."
	}
	text, targetRoot, where := req.Text, root, "this document"
	lang := "yaml"
	if req.Format == syntax.JSON {
		lang = "json"
	}
	if ref.File != "" {
		if strings.Contains(ref.File, "://") {
			return "`" + ref.File + "` is a remote reference; it is not fetched."
		}
		if req.Snapshot == nil {
			return ""
		}
		text, targetRoot = loadFile(req.Snapshot, ref.File)
		if md := fileMarkdown(req, ref.File, len(ref.Pointer) == 0, targetRoot); md != "" {
			return md
		}
		if targetRoot == nil {
			return "`" + ref.File + "` could not be read as a YAML or JSON document."
		}
		where = "`" + ref.File + "`"
		if strings.HasSuffix(strings.ToLower(ref.File), ".json") {
			lang = "json"
		} else {
			lang = "yaml"
		}
	}
	target, err := refs.Find(targetRoot, ref.Pointer)
	if err != nil {
		return "`" + value + "` does not resolve: nothing is at that pointer in " + where + "."
	}
	if ref.File != "" && !previewable(targetRoot, target.Value) {
		return "`" + ref.File + "` is not an AsyncAPI or JSON Schema document; its content is not shown."
	}
	start := target.Value.Start
	if target.Key != nil {
		start = target.Key.Start
	}
	m := req.Mapper
	if ref.File != "" || m == nil {
		m = source.NewMapper(text)
	}
	line := m.LineOf(start)
	lineStart := m.LineStart(line)
	end := m.LineStart(min(m.LineOf(target.Value.End)+1, line+previewLines))
	snippet := strings.TrimRight(string(text[lineStart:max(end, lineStart)]), "\r\n ")
	var b strings.Builder
	b.WriteString("**" + value + "**\n\nDefined in " + where + " at line " + strconv.Itoa(line+1) + ":\n\n")
	b.WriteString("```" + lang + "\n" + syntax.Dedent(snippet) + "\n```")
	if m.LineOf(target.Value.End) >= line+previewLines {
		b.WriteString("\n\n…")
	}
	return b.String()
}

// loadFile reads a YAML or JSON file (or a JSON Avro schema) a reference
// names, for a preview; anything else (no such extension, not a regular
// file, too large, not a mapping) is refused so that hover never shows
// unrelated files.
func loadFile(snap *workspace.Snapshot, file string) ([]byte, *syntax.Node) {
	avro := false
	switch strings.ToLower(path.Ext(file)) {
	case ".yaml", ".yml", ".json":
	case ".avsc":
		avro = true
	default:
		return nil, nil
	}
	doc, err := snap.Referenced(file)
	if err != nil {
		return nil, nil
	}
	root := doc.Root().Resolve()
	if root == nil || root.Kind != syntax.Mapping && !(avro && root.Kind == syntax.Sequence) {
		return nil, nil
	}
	return doc.Text, doc.Root()
}

// schemaKeywords and objectKeys mark a value as a JSON Schema or an AsyncAPI
// object: only such content of another file is shown, never arbitrary data.
var schemaKeywords = []string{"$schema", "$id", "type", "properties", "items", "allOf", "anyOf", "oneOf", "enum", "const", "$ref", "definitions", "$defs", "format", "additionalProperties"}

var objectKeys = []string{"payload", "headers", "address", "messages", "bindings", "action", "channel", "host", "protocol", "schemaFormat", "summary", "description", "title"}

// previewable reports whether a target in another file may be shown: the
// file is an AsyncAPI document, or the target is a JSON Schema or an
// AsyncAPI object.
func previewable(root, target *syntax.Node) bool {
	if root.Get("asyncapi") != nil {
		return true
	}
	t := target.Resolve()
	if t == nil || t.Kind != syntax.Mapping {
		return false
	}
	for _, keys := range [][]string{schemaKeywords, objectKeys} {
		for _, k := range keys {
			if t.Get(k) != nil {
				return true
			}
		}
	}
	return false
}
