package navigate

import (
	"encoding/json"
	"regexp"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// scalarText writes value to replace the scalar n of doc, keeping its
// quoting style where the value allows it: JSON strings stay JSON strings,
// YAML quoted scalars keep their quotes, plain scalars stay plain when the
// value reads back as the same string.
func scalarText(doc *analysis.Document, n *syntax.Node, value string) string {
	if doc.File().Format == syntax.JSON {
		return jsonQuote(value)
	}
	raw := doc.Text[n.Start:n.End]
	switch {
	case len(raw) > 0 && raw[0] == '"':
		return jsonQuote(value)
	case len(raw) > 0 && raw[0] == '\'':
		return singleQuote(value)
	case plainSafe(value):
		return value
	}
	return singleQuote(value)
}

func jsonQuote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func singleQuote(s string) string {
	if strings.ContainsAny(s, "\n\r\t") {
		return jsonQuote(s)
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// notString matches plain scalars YAML would read as something else.
var notString = regexp.MustCompile(`^(?i:~|null|true|false|yes|no|on|off|[-+]?(\.inf|\.nan|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-f_]+|0o[0-7_]+))$`)

// plainSafe reports whether s can be written as a plain YAML scalar that
// reads back as the same string, in a key or a value.
func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || notString.MatchString(s) {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0])) {
		return false
	}
	// ",[]{}" end a plain scalar inside a flow collection.
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			return false
		}
	}
	return true
}
