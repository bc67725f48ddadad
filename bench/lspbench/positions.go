package main

import (
	"strings"
	"unicode/utf8"
)

// The driver picks where to ask things by reading the document itself, so
// the same harness works on any AsyncAPI file, YAML or pretty-printed JSON.

// line is one parsed source line.
type line struct {
	no        int
	indent    int    // column of the key (after any "- ")
	key       string // unquoted key, "" if the line has none
	keyCol    int    // byte column where the key text starts (inside quotes)
	value     string // raw text after "key:", trimmed
	valueCol  int    // byte column of value
	path      []string
	blockBody bool // a line inside a literal/folded block scalar
}

// scanLines builds the key path of every line from indentation alone;
// good enough for block YAML and for JSON with one key per line.
func scanLines(text string) []line {
	raw := strings.Split(text, "\n")
	out := make([]line, len(raw))
	type frame struct {
		indent int
		key    string
	}
	var stack []frame
	blockIndent := -1 // indentation of the key that opened a block scalar
	for i, s := range raw {
		s = strings.TrimRight(s, "\r")
		l := line{no: i}
		trimmed := strings.TrimLeft(s, " ")
		indent := len(s) - len(trimmed)
		if blockIndent >= 0 {
			if trimmed == "" || indent > blockIndent {
				l.blockBody, l.indent = true, indent
				l.path = pathOf(stack, func(f frame) string { return f.key })
				out[i] = l
				continue
			}
			blockIndent = -1
		}
		for strings.HasPrefix(trimmed, "- ") {
			trimmed = trimmed[2:]
			indent += 2
		}
		key, keyCol, rest, ok := splitKey(trimmed)
		if !ok {
			out[i] = l
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, frame{indent, key})
		l.indent, l.key, l.keyCol = indent, key, indent+keyCol
		l.value = strings.TrimSpace(rest)
		l.valueCol = len(s) - len(strings.TrimLeft(rest, " ")) // byte column of value
		l.path = pathOf(stack, func(f frame) string { return f.key })
		if v := strings.TrimRight(l.value, "+-0123456789"); v == "|" || v == ">" {
			blockIndent = indent
		}
		out[i] = l
	}
	return out
}

func pathOf[T any](stack []T, key func(T) string) []string {
	p := make([]string, len(stack))
	for i, f := range stack {
		p[i] = key(f)
	}
	return p
}

// splitKey splits `key: rest`, `"key": rest` or `'key': rest`.
func splitKey(s string) (key string, keyCol int, rest string, ok bool) {
	if s == "" || s[0] == '#' {
		return "", 0, "", false
	}
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", 0, "", false
		}
		after := s[end+2:]
		if !strings.HasPrefix(after, ":") {
			return "", 0, "", false
		}
		return s[1 : end+1], 1, after[1:], true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i], 0, s[i+1:], true
		}
	}
	return "", 0, "", false
}

// target is one position to ask about, and what is there.
type target struct {
	Line, Col int    // LSP position (UTF-16 column)
	What      string // for reports: the key path or ref
}

func utf16Col(s string, byteCol int) int {
	byteCol = min(byteCol, len(s))
	n := 0
	for _, r := range s[:byteCol] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	if !utf8.ValidString(s[:byteCol]) {
		return byteCol
	}
	return n
}

// positions is every kind of target the scenario uses.
type positions struct {
	refs          []target // inside a $ref value pointing into components
	channelKeys   []target // on a key directly under a channel
	componentKeys []target // on a message (or schema) name under components
	edit          *target  // where characters are typed: inside a description
}

func findPositions(text string, per int) positions {
	lines := scanLines(text)
	src := strings.Split(text, "\n")
	var refs, chKeys, msgKeys, schemaKeys []target
	var edits []target
	for _, l := range lines {
		s := strings.TrimRight(src[l.no], "\r")
		switch {
		case l.blockBody:
			if len(l.path) > 0 && l.path[len(l.path)-1] == "description" && strings.TrimSpace(s) != "" {
				col := l.indent + min(4, len(strings.TrimSpace(s)))
				edits = append(edits, target{l.no, utf16Col(s, col), strings.Join(l.path, ".")})
			}
		case l.key == "$ref":
			v := strings.Trim(l.value, `"'`)
			i := strings.Index(v, "#/components/")
			if i < 0 {
				continue
			}
			// Inside the last segment of the pointer: a name, where
			// completion, hover and definition all have work to do.
			quote := 0
			if strings.HasPrefix(l.value, `"`) || strings.HasPrefix(l.value, "'") {
				quote = 1
			}
			last := strings.LastIndexByte(v, '/') + 1
			col := l.valueCol + quote + last + min(2, len(v)-last)
			refs = append(refs, target{l.no, utf16Col(s, col), v})
		case len(l.path) == 3 && l.path[0] == "channels":
			chKeys = append(chKeys, target{l.no, utf16Col(s, l.keyCol+1), strings.Join(l.path, ".")})
		case len(l.path) == 3 && l.path[0] == "components" && l.path[1] == "messages":
			msgKeys = append(msgKeys, target{l.no, utf16Col(s, l.keyCol+1), strings.Join(l.path, ".")})
		case len(l.path) == 3 && l.path[0] == "components" && l.path[1] == "schemas":
			schemaKeys = append(schemaKeys, target{l.no, utf16Col(s, l.keyCol+1), strings.Join(l.path, ".")})
		case l.key == "description" && strings.HasPrefix(l.value, `"`) && len(l.value) > 4:
			edits = append(edits, target{l.no, utf16Col(s, l.valueCol+3), strings.Join(l.path, ".")})
		}
	}
	p := positions{
		refs:          spread(refs, per),
		channelKeys:   spread(chKeys, per),
		componentKeys: spread(msgKeys, per),
	}
	if len(p.componentKeys) == 0 {
		p.componentKeys = spread(schemaKeys, per)
	}
	if mid := spread(edits, 1); len(mid) > 0 {
		p.edit = &mid[0]
	}
	return p
}

// spread picks n targets evenly from the middle 80% of ts, so that neither
// the top of the file (often a fast path) nor only its end is measured.
func spread(ts []target, n int) []target {
	if len(ts) <= n {
		return ts
	}
	lo, hi := len(ts)/10, len(ts)-len(ts)/10
	out := make([]target, 0, n)
	for i := 0; i < n; i++ {
		idx := lo + (hi-lo)*(2*i+1)/(2*n)
		out = append(out, ts[idx])
	}
	return out
}
