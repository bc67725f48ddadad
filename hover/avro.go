package hover

import (
	"asyncapi-ls/analysis/payload"
	"asyncapi-ls/analysis/syntax"
)

// avroMarkdown explains a key or a value inside an Avro payload
// (analysis/payload knows the format); ok is false outside one.
func avroMarkdown(tree *syntax.Node, loc syntax.Location) (md string, ok bool) {
	root, rel, inside := payload.AvroSchemaAt(tree, loc.Path)
	if !inside || len(rel) == 0 {
		return "", false // the payload's own key is AsyncAPI's to explain
	}
	t, found := payload.AvroHover(root, rel, loc.OnKey)
	if !found {
		return "", true
	}
	return "**" + t.Name + "** — " + t.Detail + "\n\n" + t.Doc, true
}
