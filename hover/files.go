package hover

import (
	"bytes"
	"path"
	"regexp"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// fileMarkdown says what a referenced file is when hover does not preview
// a part of it as YAML or JSON: an Avro schema with its name and fields, a
// Markdown file, a Protobuf file with its messages, a RAML file, any other
// file by its size. Content that is not a schema is named, never shown.
// "" means the usual preview applies (whole: the reference has no pointer;
// root: the file's tree when it was read as YAML or JSON).
func fileMarkdown(req Request, file string, whole bool, root *syntax.Node) string {
	ext := strings.ToLower(path.Ext(file))
	if root != nil {
		if whole && (ext == ".avsc" || isAvro(root)) {
			return avroFileMarkdown(file, root)
		}
		return ""
	}
	if req.Snapshot == nil {
		return ""
	}
	doc, err := req.Snapshot.Referenced(file)
	if err != nil {
		return "`" + file + "` cannot be read: there is no such file, or it is not a regular file."
	}
	text := doc.Text
	n := bytes.Count(text, []byte("\n"))
	if len(text) > 0 && text[len(text)-1] != '\n' {
		n++ // a last line without its line break
	}
	lines := strconv.Itoa(n) + " lines"
	if n == 1 {
		lines = "1 line"
	}
	open := "\n\nGo to definition opens it."
	switch ext {
	case ".md", ".markdown":
		return "**" + file + "**\n\nA Markdown file of " + lines + "." + open
	case ".proto":
		return protoMarkdown(file, text) + open
	case ".raml":
		return "**" + file + "**\n\nA RAML file of " + lines + "." + open
	case ".avsc":
		return "**" + file + "**\n\nAn Avro schema file that is not valid JSON." + open
	}
	return "**" + file + "**\n\nA file of " + lines + " that is not a YAML or JSON document; its content is not shown." + open
}

// isAvro reports whether a JSON value reads as an Avro schema: a named
// record, enum or fixed type.
func isAvro(root *syntax.Node) bool {
	switch root.Get("type").String() {
	case "record", "error", "enum", "fixed":
		return root.Get("name").String() != ""
	}
	return false
}

// avroFileMarkdown summarises an Avro schema file: its kind, name and
// namespace, documentation, and its fields (or symbols) with their types.
func avroFileMarkdown(file string, root *syntax.Node) string {
	root = root.Resolve()
	var b strings.Builder
	b.WriteString("**" + file + "**\n\n")
	if root.Kind == syntax.Sequence {
		b.WriteString("An Avro schema: a union of " + avroType(root) + ".")
		return b.String()
	}
	kind, name := root.Get("type").String(), root.Get("name").String()
	b.WriteString("An Avro schema: " + kind)
	if name != "" {
		b.WriteString(" `" + name + "`")
	}
	if ns := root.Get("namespace").String(); ns != "" {
		b.WriteString(" (namespace `" + ns + "`)")
	}
	b.WriteString(".")
	if doc := root.Get("doc").String(); doc != "" {
		b.WriteString("\n\n" + doc)
	}
	switch kind {
	case "record", "error":
		fields := root.Get("fields").Resolve()
		if fields == nil || fields.Kind != syntax.Sequence || len(fields.Items) == 0 {
			b.WriteString("\n\nNo fields.")
			break
		}
		b.WriteString("\n\n| field | type | |\n| --- | --- | --- |")
		for _, f := range fields.Items {
			b.WriteString("\n| `" + tableText(f.Get("name").String()) + "` | `" + tableText(avroType(f.Get("type"))) + "` | " + tableText(f.Get("doc").String()) + " |")
		}
	case "enum":
		var symbols []string
		for _, s := range itemsOf(root.Get("symbols")) {
			symbols = append(symbols, "`"+s.String()+"`")
		}
		b.WriteString("\n\nSymbols: " + strings.Join(symbols, ", "))
	case "fixed":
		b.WriteString("\n\nSize: " + root.Get("size").String() + " bytes")
	}
	return b.String()
}

// avroType writes an Avro type briefly: a primitive or a name, a union as
// a | b, array<t>, map<t>.
func avroType(n *syntax.Node) string {
	n = n.Resolve()
	switch {
	case n == nil:
		return "?"
	case n.Kind == syntax.Scalar:
		return n.Value
	case n.Kind == syntax.Sequence:
		var parts []string
		for _, it := range n.Items {
			parts = append(parts, avroType(it))
		}
		return strings.Join(parts, " | ")
	}
	switch t := n.Get("type").String(); t {
	case "array":
		return "array<" + avroType(n.Get("items")) + ">"
	case "map":
		return "map<" + avroType(n.Get("values")) + ">"
	case "record", "error", "enum", "fixed":
		return t + " " + n.Get("name").String()
	default:
		if lt := n.Get("logicalType").String(); lt != "" {
			return t + " (" + lt + ")"
		}
		return t
	}
}

func itemsOf(n *syntax.Node) []*syntax.Node {
	if n = n.Resolve(); n == nil || n.Kind != syntax.Sequence {
		return nil
	}
	return n.Items
}

// tableText makes text safe for one Markdown table cell.
func tableText(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "\r", "").Replace(s)
}

var (
	protoMessage = regexp.MustCompile(`(?m)^\s*message\s+([A-Za-z_][A-Za-z0-9_]*)`)
	protoPackage = regexp.MustCompile(`(?m)^\s*package\s+([A-Za-z0-9_.]+)\s*;`)
	protoSyntax  = regexp.MustCompile(`(?m)^\s*syntax\s*=\s*"(proto[23])"`)
)

// protoMarkdown names a Protobuf file's syntax, package and messages.
func protoMarkdown(file string, text []byte) string {
	var b strings.Builder
	b.WriteString("**" + file + "**\n\nA Protobuf file")
	if m := protoSyntax.FindSubmatch(text); m != nil {
		b.WriteString(" (" + string(m[1]) + ")")
	}
	if m := protoPackage.FindSubmatch(text); m != nil {
		b.WriteString(", package `" + string(m[1]) + "`")
	}
	b.WriteString(".")
	var names []string
	for _, m := range protoMessage.FindAllSubmatch(text, 50) {
		names = append(names, "`"+string(m[1])+"`")
	}
	if len(names) > 0 {
		b.WriteString("\n\nMessages: " + strings.Join(names, ", "))
	}
	return b.String()
}
