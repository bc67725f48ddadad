package syntax

import (
	"strconv"
	"strings"
)

// jsonFrame is one open object or array while scanning JSON text.
type jsonFrame struct {
	object     bool
	key        string // the current member's name (objects)
	expectKey  bool   // a member name comes next
	afterColon bool   // a member value comes next
	valueDone  bool   // the member's value is complete: a "," (then a name) comes next
	index      int    // the current element (arrays)
}

// jsonContextAt scans text up to offset with a forgiving tokenizer: it keeps
// a stack of open objects and arrays, so it works on broken JSON too.
func jsonContextAt(text []byte, offset int) Context {
	c := Context{Format: JSON, ReplaceStart: offset, ReplaceEnd: offset}
	var stack []jsonFrame
	inString, stringStart := false, 0
	lastString := "" // the latest complete string: the member name when a ':' follows
	inWord := false  // a bare value (number, true, null) is being read
	for i := 0; i < offset; i++ {
		ch := text[i]
		if inWord && !isJSONWordByte(ch) {
			inWord = false
			if n := len(stack); n > 0 && stack[n-1].afterColon {
				stack[n-1].valueDone = true
			}
		}
		if inString {
			switch ch {
			case '\\':
				i++
			case '\n':
				// JSON strings hold no line breaks: an unclosed one ends here,
				// so one broken line does not swallow the rest of the text.
				inString = false
			case '"':
				inString = false
				lastString = jsonUnquote(string(text[stringStart : i+1]))
				if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
					stack[n-1].key = lastString
					stack[n-1].expectKey = false
				} else if n > 0 && stack[n-1].afterColon {
					stack[n-1].valueDone = true
				}
			}
			continue
		}
		top := len(stack) - 1
		switch ch {
		case '"':
			inString, stringStart = true, i
		case '{':
			stack = append(stack, jsonFrame{object: true, expectKey: true})
		case '[':
			stack = append(stack, jsonFrame{})
		default:
			if isJSONWordByte(ch) {
				inWord = true
			}
		case '}', ']':
			if top >= 0 {
				stack = stack[:top]
			}
			if top >= 1 && stack[top-1].afterColon {
				stack[top-1].valueDone = true
			}
		case ':':
			if top >= 0 && stack[top].object {
				// In broken text a value may be missing; the string before a
				// colon is a member name all the same.
				stack[top].key, stack[top].expectKey, stack[top].afterColon, stack[top].valueDone = lastString, false, true, false
			}
		case ',':
			if top >= 0 {
				if stack[top].object {
					stack[top].expectKey, stack[top].afterColon, stack[top].valueDone, stack[top].key = true, false, false, ""
				} else {
					stack[top].index++
				}
			}
		}
	}
	c.Path = framesPath(c.Path, stack)
	if len(stack) == 0 {
		c.InKey = true
		return c
	}
	top := stack[len(stack)-1]
	if inString {
		c.Quote = '"'
		c.ReplaceStart = stringStart
		c.Prefix = string(text[stringStart+1 : offset])
		if rest := restOfLine(text, offset); strings.HasPrefix(rest, `"`) {
			c.ReplaceEnd = offset + 1
		} else if i := strings.IndexByte(rest, '"'); i >= 0 && !strings.ContainsAny(rest[:i], ",:{}[]") {
			c.ReplaceEnd = offset + i + 1 // replace the rest of a name being edited
		}
	} else {
		// A bare word being typed (true, fals…) is the token to replace.
		start := offset
		for start > 0 && isJSONWordByte(text[start-1]) {
			start--
		}
		c.ReplaceStart, c.Prefix = start, string(text[start:offset])
	}
	switch {
	case top.object && top.valueDone && !inString && !inWord:
		// After a complete member, on a new line: the next member's name
		// (the "," it needs comes with the completion).
		c.InKey = true
		c.ColonFollows = strings.HasPrefix(strings.TrimLeft(restOfLine(text, c.ReplaceEnd), " "), ":")
	case top.object && top.expectKey:
		c.InKey = true
		c.ColonFollows = strings.HasPrefix(strings.TrimLeft(restOfLine(text, c.ReplaceEnd), " "), ":")
	case top.object:
		c.Key = top.key
		c.NeedsSpace = !top.afterColon
	default:
		c.Key = strconv.Itoa(top.index)
		c.ItemStart = true
	}
	return c
}

// framesPath appends to path the members the open containers of stack are
// in, up to the innermost one (which holds the cursor).
func framesPath(path []string, stack []jsonFrame) []string {
	for _, f := range stack[:max(len(stack)-1, 0)] {
		if f.object {
			path = append(path, f.key)
		} else {
			path = append(path, strconv.Itoa(f.index))
		}
	}
	return path
}

func isJSONWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '+'
}

func jsonUnquote(s string) string {
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return strings.Trim(s, `"`)
}
