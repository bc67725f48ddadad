package syntax

import (
	"bytes"
	"strconv"
	"strings"
)

// maxFlowLines bounds how far back a YAML flow collection ("{…}", "[…]")
// holding the cursor is looked for.
const maxFlowLines = 50

// flowBracket is a flow indicator of a line: its offset and whether it
// opens a collection.
type flowBracket struct {
	at   int
	open bool
}

// flowBrackets lists the flow indicators of text[from:to] (one line)
// outside quoted scalars and comments. A bracket inside a plain scalar (the
// "{id}" of "users/{id}") is no indicator, nor is the one closing it.
func flowBrackets(text []byte, from, to int) []flowBracket {
	var out []flowBracket
	plain := 0 // brackets opened inside plain scalars, still open
	for i := from; i < to; i++ {
		switch c := text[i]; c {
		case '"', '\'':
			i = skipQuotedBytes(text, i, to) - 1
		case '#':
			if i == from || text[i-1] == ' ' || text[i-1] == '\t' {
				return out
			}
		case '{', '[':
			if nodeStartAt(text, from, i) {
				out = append(out, flowBracket{at: i, open: true})
			} else {
				plain++
			}
		case '}', ']':
			if plain > 0 {
				plain--
			} else {
				out = append(out, flowBracket{at: i})
			}
		}
	}
	return out
}

// nodeStartAt reports whether a node may start at i of a line starting at
// from: at the line's start or after a key separator, an item indicator or
// a flow indicator.
func nodeStartAt(text []byte, from, i int) bool {
	j := i
	for j > from && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == from {
		return true
	}
	switch text[j-1] {
	case '[', '{', ',':
		return true
	case ':', '-', '?':
		return j < i // followed by a space
	}
	return false
}

// skipQuotedBytes returns the offset after the quoted scalar starting at i,
// or to when it does not close before.
func skipQuotedBytes(text []byte, i, to int) int {
	q := text[i]
	for j := i + 1; j < to; j++ {
		switch {
		case q == '"' && text[j] == '\\':
			j++
		case text[j] == q && q == '\'' && j+1 < to && text[j+1] == '\'':
			j++
		case text[j] == q:
			return j + 1
		}
	}
	return to
}

// flowStart finds the outermost flow collection of YAML text that holds
// offset: the offset of its opening bracket. A flow starts on the line of
// a block key or sequence item ("key: {", "- ["), or alone on a line under
// its key; lines of a flow spread over several lines are followed back.
func flowStart(text []byte, offset int) (int, bool) {
	depth, outer := 0, -1
	end := offset
	minIndent := -1 // the least indentation of the lines below the one scanned
	for lines := 0; lines < maxFlowLines; lines++ {
		ls := end
		for ls > 0 && text[ls-1] != '\n' && text[ls-1] != '\r' {
			ls--
		}
		brs := flowBrackets(text, ls, end)
		found := false
		for i := len(brs) - 1; i >= 0; i-- {
			switch b := brs[i]; {
			case !b.open:
				depth++
			case depth > 0:
				depth--
			default:
				outer, found = b.at, true
			}
		}
		line := text[ls:end]
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if found && minIndent >= 0 && minIndent <= indent {
			// The lines below are not indented under it: a flow left open
			// (the text is being written), not one holding the cursor.
			return -1, false
		}
		if outer >= ls {
			// The flow's opener is on this line: behind a key or an item
			// indicator it starts here; alone, an outer flow may hold it.
			if prefix := strings.TrimSpace(string(text[ls:outer])); prefix != "" && !strings.HasSuffix(prefix, ",") {
				return outer, true
			}
		} else if outer >= 0 && depth == 0 && blockLine(line) {
			return outer, true // the line above a flow that stands alone
		}
		if indent < len(line) && (minIndent < 0 || indent < minIndent) {
			minIndent = indent
		}
		if ls == 0 {
			break
		}
		end = ls - 1
		if end > 0 && text[end] == '\n' && text[end-1] == '\r' {
			end--
		}
	}
	return outer, outer >= 0
}

// blockLine reports whether a line is a block key or item: the flow under
// it starts below.
func blockLine(line []byte) bool {
	s := strings.TrimSpace(stripComment(string(line)))
	return s == "" || strings.HasSuffix(s, ":") || s == "-" || keySeparator(s) >= 0
}

// yamlFlowContextAt works out the Context of an offset inside the YAML flow
// collection opening at start, the way jsonContextAt does for JSON, with
// plain scalars as YAML allows them.
func yamlFlowContextAt(text []byte, start, offset int) Context {
	c := Context{Format: YAML, Flow: true, ReplaceStart: offset, ReplaceEnd: offset}
	c.Path = flowOwnerPath(text, start)
	var stack []jsonFrame
	last := "" // the latest scalar: a member name when ":" follows
	for i := start; i < offset; i++ {
		ch := text[i]
		top := len(stack) - 1
		switch {
		case ch == '"' || ch == '\'':
			end := skipQuotedBytes(text, i, len(text))
			if end > offset {
				i = offset // the cursor is inside it
				continue
			}
			last = unquoteKey(string(text[i:end]))
			i = end - 1
			if top >= 0 && stack[top].afterColon {
				stack[top].valueDone = true
			}
		case ch == '#' && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n'):
			for i < offset && text[i] != '\n' {
				i++
			}
		case ch == '{':
			stack = append(stack, jsonFrame{object: true, expectKey: true})
		case ch == '[':
			stack = append(stack, jsonFrame{})
		case ch == '}' || ch == ']':
			if top >= 0 {
				stack = stack[:top]
			}
		case ch == ',':
			if top >= 0 {
				if stack[top].object {
					stack[top] = jsonFrame{object: true, expectKey: true}
				} else {
					stack[top].index++
				}
			}
		case ch == ':' && (i+1 >= len(text) || strings.ContainsRune(" \t\r\n,]}", rune(text[i+1])) || i > 0 && (text[i-1] == '"' || text[i-1] == '\'')):
			if top >= 0 && stack[top].object {
				stack[top].key, stack[top].expectKey, stack[top].afterColon = last, false, true
			}
		case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n':
		default:
			// A plain scalar up to an indicator.
			j := i
			for j < offset && !strings.ContainsRune(",[]{}\n", rune(text[j])) && !(text[j] == ':' && (j+1 >= len(text) || strings.ContainsRune(" \t\r\n,]}", rune(text[j+1])))) {
				j++
			}
			if j == offset {
				i = offset // the cursor is inside it: the token being typed
				continue
			}
			last = strings.TrimSpace(string(text[i:j]))
			i = j - 1
		}
	}
	c.Path = framesPath(c.Path, stack)
	c.setFlowToken(text, offset)
	if len(stack) == 0 {
		return c
	}
	top := stack[len(stack)-1]
	switch {
	case top.object && (top.expectKey || !top.afterColon):
		c.InKey = true
		c.ColonFollows = strings.HasPrefix(strings.TrimLeft(restOfLine(text, c.ReplaceEnd), " "), ":")
	case top.object:
		c.Key = top.key
		c.NeedsSpace = c.ReplaceStart > 0 && text[c.ReplaceStart-1] == ':'
	default:
		c.Key = strconv.Itoa(top.index)
		c.ItemStart = true
		c.InKey = true
	}
	if c.ItemStart {
		c.Path = append(c.Path, c.Key)
		c.Key = c.Path[len(c.Path)-1]
	}
	return c
}

// setFlowToken sets the token being typed at offset inside a flow: a plain
// scalar back to an indicator, or a quoted one from its quote.
func (c *Context) setFlowToken(text []byte, offset int) {
	start := offset
	for start > 0 && !strings.ContainsRune(",[]{}\n\r\t ", rune(text[start-1])) && !(text[start-1] == ':' && start < len(text)) {
		start--
	}
	// A quote opened on this line and not closed: the token starts there.
	ls := start
	for ls > 0 && text[ls-1] != '\n' {
		ls--
	}
	for i := ls; i < offset; i++ {
		if text[i] == '"' || text[i] == '\'' {
			end := skipQuotedBytes(text, i, offset)
			if end == offset && (end == i+1 || text[end-1] != text[i]) {
				start = i
				c.Quote = text[i]
				break
			}
			i = end - 1
		}
	}
	c.ReplaceStart = start
	c.Prefix = string(text[start:offset])
	if c.Quote != 0 {
		c.Prefix = c.Prefix[1:]
		if offset < len(text) && text[offset] == c.Quote {
			c.ReplaceEnd = offset + 1
		}
		return
	}
	end := offset
	for end < len(text) && !strings.ContainsRune(",[]{}:\n\r\t ", rune(text[end])) {
		end++
	}
	c.ReplaceEnd = end
}

// flowOwnerPath is the path of the value the flow collection at start is:
// the block key or sequence item it stands under.
func flowOwnerPath(text []byte, start int) []string {
	ls := start
	for ls > 0 && text[ls-1] != '\n' && text[ls-1] != '\r' {
		ls--
	}
	line := string(text[ls:start])
	pos, dashes := itemIndicators(line)
	if k := keySeparator(line[pos:]); k >= 0 {
		return append(yamlAncestors(text, ls, pos, dashes), unquoteKey(line[pos:pos+k]))
	}
	return yamlAncestors(text, ls, start-ls, dashes)
}
