package gen

import (
	"bytes"
	"encoding/json"
	"strings"
)

// writeJSON prints v indented by two spaces, keys in tree order.
func writeJSON(b *bytes.Buffer, v any, indent int) {
	pad := strings.Repeat("  ", indent+1)
	end := strings.Repeat("  ", indent)
	switch t := v.(type) {
	case *object:
		if len(t.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range t.keys {
			b.WriteString(pad + jsonString(k) + ": ")
			writeJSON(b, t.vals[i], indent+1)
			if i < len(t.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(end + "}")
	case []any:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, it := range t {
			b.WriteString(pad)
			writeJSON(b, it, indent+1)
			if i < len(t)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(end + "]")
	case block:
		b.WriteString(jsonString(string(t)))
	case string:
		b.WriteString(jsonString(t))
	default:
		b.WriteString(yamlScalar(v))
	}
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
