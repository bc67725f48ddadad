package syntax

import (
	"bytes"
	"strconv"
	"strings"
)

// Context describes the place at an offset, worked out from the text alone so
// that it holds while the document does not parse (design-notes §3).
type Context struct {
	// Path leads from the root to the mapping or sequence that holds the
	// cursor: a key position adds a key to that mapping, a value position
	// writes the value of Key inside it.
	Path []string
	// InKey is set where a key is being written.
	InKey bool
	// Key is, in a value position, the key (or sequence index) whose value is
	// being written.
	Key string
	// Prefix is what is typed of the current key or value before the cursor,
	// without an opening quote.
	Prefix string
	// Quote is the opening quote of the current key or value, 0 if none.
	Quote byte
	// ReplaceStart and ReplaceEnd span the typed token (an opening quote
	// included, and a closing quote right after the cursor).
	ReplaceStart, ReplaceEnd int
	// Column is where the keys of the holding mapping start (YAML), so that
	// inserted blocks can be indented from it.
	Column int
	// ItemStart is set when the token follows a fresh "- " sequence indicator.
	ItemStart bool
	// ColonFollows is set in a key position when the line already has ":"
	// after the cursor, so only the name must be inserted.
	ColonFollows bool
	// NeedsSpace is set when the cursor sits right after a key's ":".
	NeedsSpace bool
	// Flow is set inside a YAML flow collection ({…} or […]): what is
	// inserted is written in flow style.
	Flow   bool
	Format Format
}

// ValuePath is the path of the value at the cursor (Path plus Key).
func (c Context) ValuePath() []string {
	if c.InKey {
		return c.Path
	}
	return append(append([]string(nil), c.Path...), c.Key)
}

// ContextAt works out the Context at offset in text.
func ContextAt(text []byte, offset int, format Format) Context {
	offset = min(max(offset, 0), len(text))
	if format == JSON {
		return jsonContextAt(text, offset)
	}
	return yamlContextAt(text, offset)
}

// lineToken is a sequence indicator or a key found on a line.
type lineToken struct {
	col      int
	dash     bool
	key      string
	hasValue bool // a key followed by an inline value: it cannot hold children
}

func yamlContextAt(text []byte, offset int) Context {
	if start, ok := flowStart(text, offset); ok {
		return yamlFlowContextAt(text, start, offset)
	}
	ls := offset
	for ls > 0 && text[ls-1] != '\n' && text[ls-1] != '\r' {
		ls--
	}
	line := string(text[ls:offset])
	c := Context{Format: YAML, ReplaceStart: offset, ReplaceEnd: offset}

	// Sequence indicators before the cursor's token are its innermost ancestors.
	pos, dashes := itemIndicators(line)
	c.ItemStart = len(dashes) > 0
	c.Column = pos
	token := line[pos:]
	rest := restOfLine(text, offset)

	if k := keySeparator(token); k >= 0 {
		c.Key = unquoteKey(token[:k])
		value := token[k+1:]
		c.NeedsSpace = value == ""
		trimmed := strings.TrimLeft(value, " ")
		start := ls + pos + k + 1 + len(value) - len(trimmed)
		c.ReplaceStart = start
		c.Prefix = trimmed
		if trimmed != "" && (trimmed[0] == '\'' || trimmed[0] == '"') {
			c.Quote = trimmed[0]
			c.Prefix = trimmed[1:]
			if strings.HasPrefix(rest, string(c.Quote)) {
				c.ReplaceEnd = offset + 1
			}
		}
	} else {
		c.InKey = true
		c.Prefix = token
		c.ReplaceStart = ls + pos
		if token != "" && (token[0] == '\'' || token[0] == '"') {
			c.Quote = token[0]
			c.Prefix = token[1:]
		}
		// Extend over the rest of a word being edited in the middle.
		word := len(rest) - len(strings.TrimLeft(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.$"))
		c.ReplaceEnd = offset + word
		c.ColonFollows = strings.HasPrefix(strings.TrimLeft(rest[word:], " "), ":")
	}
	c.Path = yamlAncestors(text, ls, pos, dashes)
	if c.ItemStart && c.InKey {
		// "- tok": either the first key of an item mapping or a scalar item;
		// the caller decides from the schema. Key holds the item index.
		c.Key = c.Path[len(c.Path)-1]
	}
	return c
}

// yamlAncestors walks back from the line starting at ls to find the keys and
// sequence items that enclose a token at column col, given the sequence
// indicators on the token's own line.
func yamlAncestors(text []byte, ls, col int, dashes []int) []string {
	var path []string
	need := col
	inItem, itemCol, count := false, 0, 0
	visit := func(t lineToken) bool {
		if inItem {
			switch {
			case t.dash && t.col == itemCol:
				count++
			case t.col < itemCol || (!t.dash && t.col == itemCol && !t.hasValue):
				path = append([]string{strconv.Itoa(count)}, path...)
				inItem = false
				if t.dash {
					inItem, itemCol, count, need = true, t.col, 0, t.col
				} else {
					path = append([]string{t.key}, path...)
					need = t.col
				}
			}
			return need == 0 && !inItem
		}
		if t.col < need {
			if t.dash {
				inItem, itemCol, count, need = true, t.col, 0, t.col
			} else if !t.hasValue {
				path = append([]string{t.key}, path...)
				need = t.col
			}
		}
		return need == 0 && !inItem
	}
	for i := len(dashes) - 1; i >= 0; i-- {
		visit(lineToken{col: dashes[i], dash: true})
	}
	for end := ls; end > 0 && (need > 0 || inItem); {
		start := end - 1
		if start > 0 && text[start] == '\n' && text[start-1] == '\r' {
			start--
		}
		lineEndAt := start
		start = bytes.LastIndexByte(text[:start], '\n') + 1
		if cr := bytes.LastIndexByte(text[start:lineEndAt], '\r'); cr >= 0 {
			start += cr + 1 // a lone "\r" ends a line too
		}
		// A line indented past the column sought holds no ancestor (its
		// tokens start at its indentation): in a big document most lines
		// are, and are skipped without being read.
		ind := start
		for ind < lineEndAt && text[ind] == ' ' {
			ind++
		}
		if ind < lineEndAt && text[ind] != '\t' && (ind-start > need || ind-start == need && !inItem) {
			end = start
			continue
		}
		toks := tokensOf(string(text[start:lineEndAt]))
		done := false
		for i := len(toks) - 1; i >= 0 && !done; i-- {
			done = visit(toks[i])
		}
		if done {
			break
		}
		end = start
	}
	if inItem {
		path = append([]string{strconv.Itoa(count)}, path...)
	}
	return path
}

// itemIndicators reads the "- " sequence indicators that start a line: the
// column of each, and where the content after them starts.
func itemIndicators(line string) (pos int, dashes []int) {
	pos = indentOf(line)
	for pos < len(line) && line[pos] == '-' && (pos+1 == len(line) || line[pos+1] == ' ') {
		dashes = append(dashes, pos)
		pos++
		for pos < len(line) && line[pos] == ' ' {
			pos++
		}
	}
	return pos, dashes
}

// tokensOf reads the sequence indicators and the key of one line.
func tokensOf(line string) []lineToken {
	pos := indentOf(line)
	if pos >= len(line) || line[pos] == '#' || strings.HasPrefix(line[pos:], "---") || strings.HasPrefix(line[pos:], "...") {
		return nil
	}
	var toks []lineToken
	for pos < len(line) && line[pos] == '-' && (pos+1 == len(line) || line[pos+1] == ' ') {
		toks = append(toks, lineToken{col: pos, dash: true})
		pos++
		for pos < len(line) && line[pos] == ' ' {
			pos++
		}
	}
	body := line[pos:]
	if k := keySeparator(body); k >= 0 {
		value := strings.TrimSpace(stripComment(body[k+1:]))
		for strings.HasPrefix(value, "&") || strings.HasPrefix(value, "!") {
			_, after, _ := strings.Cut(value, " ")
			value = strings.TrimSpace(after)
		}
		toks = append(toks, lineToken{col: pos, key: unquoteKey(body[:k]), hasValue: value != ""})
	}
	return toks
}

// keySeparator finds the ":" that ends a key: followed by a space or the end,
// outside quotes. -1 when the text holds no key.
func keySeparator(s string) int {
	if s == "" || s[0] == '#' {
		return -1
	}
	i := 0
	if s[0] == '"' || s[0] == '\'' {
		q := s[0]
		for i = 1; i < len(s); i++ {
			if s[i] == '\\' && q == '"' {
				i++
				continue
			}
			if s[i] == q {
				break
			}
		}
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return i
			}
		case ' ':
			if i+1 < len(s) && s[i+1] == '#' {
				return -1
			}
		case '{', '[':
			if i == 0 {
				return -1
			}
		}
	}
	return -1
}

func unquoteKey(k string) string {
	k = strings.TrimSpace(k)
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		if k[0] == '"' {
			if u, err := strconv.Unquote(k); err == nil {
				return u
			}
		}
		return strings.ReplaceAll(k[1:len(k)-1], "''", "'")
	}
	return k
}

func stripComment(s string) string {
	if strings.HasPrefix(s, "#") {
		return ""
	}
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

func indentOf(line string) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i
}

func restOfLine(text []byte, offset int) string {
	return string(text[offset:lineEnd(text, offset)])
}
