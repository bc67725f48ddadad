package gen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// writeYAML prints v in block style with two-space indentation, the way
// people write AsyncAPI files by hand.
func writeYAML(b *bytes.Buffer, v any) {
	if o, ok := v.(*object); ok {
		yamlObject(b, o, 0)
		return
	}
	b.WriteString(yamlScalar(v))
	b.WriteByte('\n')
}

func yamlObject(b *bytes.Buffer, o *object, indent int) {
	pad := strings.Repeat(" ", indent)
	for i, k := range o.keys {
		b.WriteString(pad)
		yamlEntry(b, k, o.vals[i], indent)
	}
}

// yamlEntry prints "key: value" whose key is already indented.
func yamlEntry(b *bytes.Buffer, key string, v any, indent int) {
	b.WriteString(yamlString(key))
	b.WriteByte(':')
	yamlValue(b, v, indent)
}

// yamlValue prints what follows a "key:" or a "-".
func yamlValue(b *bytes.Buffer, v any, indent int) {
	switch t := v.(type) {
	case *object:
		if len(t.keys) == 0 {
			b.WriteString(" {}\n")
			return
		}
		b.WriteByte('\n')
		yamlObject(b, t, indent+2)
	case []any:
		if len(t) == 0 {
			b.WriteString(" []\n")
			return
		}
		if flow, ok := yamlFlowList(t); ok {
			b.WriteString(" " + flow + "\n")
			return
		}
		b.WriteByte('\n')
		yamlList(b, t, indent+2)
	case block:
		b.WriteString(" |\n")
		text := strings.TrimSuffix(string(t), "\n")
		for _, line := range strings.Split(text, "\n") {
			if line != "" {
				b.WriteString(strings.Repeat(" ", indent+2))
				b.WriteString(line)
			}
			b.WriteByte('\n')
		}
	default:
		b.WriteString(" " + yamlScalar(v) + "\n")
	}
}

func yamlList(b *bytes.Buffer, items []any, indent int) {
	pad := strings.Repeat(" ", indent)
	for _, item := range items {
		b.WriteString(pad + "-")
		switch t := item.(type) {
		case *object:
			if len(t.keys) == 0 {
				b.WriteString(" {}\n")
				continue
			}
			// The first key shares the dash's line; the rest line up with it.
			b.WriteByte(' ')
			yamlEntry(b, t.keys[0], t.vals[0], indent+2)
			rest := &object{keys: t.keys[1:], vals: t.vals[1:]}
			yamlObject(b, rest, indent+2)
		case []any:
			yamlValue(b, t, indent)
		default:
			b.WriteString(" " + yamlScalar(item) + "\n")
		}
	}
}

// yamlFlowList prints short lists of scalars inline: [a, b, c].
func yamlFlowList(items []any) (string, bool) {
	if len(items) > 8 {
		return "", false
	}
	parts := make([]string, len(items))
	for i, it := range items {
		switch it.(type) {
		case *object, []any, block:
			return "", false
		}
		parts[i] = yamlScalar(it)
	}
	return "[" + strings.Join(parts, ", ") + "]", true
}

func yamlScalar(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return yamlString(t)
	case bool:
		return strconv.FormatBool(t)
	case int:
		return strconv.Itoa(t)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	panic(fmt.Sprintf("gen: unsupported scalar %T", v))
}

// yamlString leaves simple words plain and quotes anything YAML could read
// as another type or as syntax.
func yamlString(s string) string {
	if isPlainSafe(s) {
		return s
	}
	if !strings.ContainsAny(s, "'\n\t\\") {
		return "'" + s + "'"
	}
	return jsonString(s)
}

var yamlReserved = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true,
	"off": true, "null": true, "y": true, "n": true, "~": true,
}

func isPlainSafe(s string) bool {
	if s == "" || yamlReserved[strings.ToLower(s)] || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i == 0 && c != '$':
			return false
		case c >= '0' && c <= '9', c == ' ', c == '_', c == '.', c == '/', c == '-', c == '(', c == ')', c == '$':
		default:
			return false
		}
	}
	return true
}
