package syntax

import (
	"encoding/json"
	"regexp"
	"strings"
)

// DoubleQuoted writes s as a JSON string, which YAML reads as the same
// double-quoted scalar. HTML characters stay as they are.
func DoubleQuoted(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// SingleQuoted writes s as a single-quoted YAML scalar, or double-quoted
// when s holds a line break or a tab, which single quotes cannot keep.
func SingleQuoted(s string) string {
	if strings.ContainsAny(s, "\n\r\t") {
		return DoubleQuoted(s)
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// notString matches plain scalars YAML would read as something else.
var notString = regexp.MustCompile(`^(?i:~|null|true|false|yes|no|on|off|[-+]?(\.inf|\.nan|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-f_]+|0o[0-7_]+))$`)

// PlainSafe reports whether s can be written as a plain YAML scalar that
// reads back as the same string, in a key or a value, in block or flow
// context.
func PlainSafe(s string) bool {
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
