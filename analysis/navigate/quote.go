package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// scalarText writes value to replace the scalar n of doc, keeping its
// quoting style where the value allows it: JSON strings stay JSON strings,
// YAML quoted scalars keep their quotes, plain scalars stay plain when the
// value reads back as the same string.
func scalarText(doc *analysis.Document, n *syntax.Node, value string) string {
	if doc.File().Format == syntax.JSON {
		return syntax.DoubleQuoted(value)
	}
	raw := doc.Text[n.Start:n.End]
	switch {
	case len(raw) > 0 && raw[0] == '"':
		return syntax.DoubleQuoted(value)
	case len(raw) > 0 && raw[0] == '\'':
		return syntax.SingleQuoted(value)
	case syntax.PlainSafe(value):
		return value
	}
	return syntax.SingleQuoted(value)
}
