package syntax

import "strings"

// AnchorMark is an anchor ("&name") or an alias ("*name") in YAML text:
// [Start, End) spans the mark with its "&" or "*".
type AnchorMark struct {
	Name       string
	Start, End int
	Alias      bool
}

// NameStart is where the name begins, after the "&" or "*".
func (m AnchorMark) NameStart() int { return m.Start + 1 }

// AnchorMarks finds the anchors and aliases of YAML text from the text
// alone, so that it works while the text does not parse: marks stand where
// a node starts (after indentation, "- ", "? ", ": ", a flow "[", "{" or
// ",", or another node property), never inside quoted or plain scalars,
// comments or block scalars. JSON has none.
func AnchorMarks(text []byte, format Format) []AnchorMark {
	if format == JSON {
		return nil
	}
	var out []AnchorMark
	blockIndent := -1 // inside a block scalar: lines indented more than this are content
	for ls := 0; ls < len(text); {
		le := lineEnd(text, ls)
		line := string(text[ls:le])
		indent := indentOf(line)
		switch {
		case blockIndent >= 0 && (indent > blockIndent || strings.TrimSpace(line) == ""):
			// block scalar content
		default:
			blockIndent = -1
			if scanLineMarks(line, ls, &out) {
				blockIndent = indent
			}
		}
		ls = le
		for ls < len(text) && (text[ls] == '\r' || text[ls] == '\n') {
			ls++
		}
	}
	return out
}

// scanLineMarks appends the marks of one line (starting at offset base)
// and reports whether the line opens a block scalar ("|" or ">").
func scanLineMarks(line string, base int, out *[]AnchorMark) bool {
	pos, depth := 0, 0
	nodeStart := true // a node may start here
	for pos < len(line) {
		c := line[pos]
		switch {
		case c == ' ' || c == '\t':
			pos++
			continue
		case c == '#' && (pos == 0 || line[pos-1] == ' ' || line[pos-1] == '\t'):
			return false // a comment ends the line
		case nodeStart && (c == '&' || c == '*'):
			end := pos + 1
			for end < len(line) && !strings.ContainsRune(" \t,[]{}", rune(line[end])) {
				end++
			}
			if end > pos+1 {
				*out = append(*out, AnchorMark{Name: line[pos+1 : end], Start: base + pos, End: base + end, Alias: c == '*'})
			}
			pos, nodeStart = end, c == '&' // a node follows an anchor, not an alias
			continue
		case nodeStart && c == '!':
			for pos < len(line) && line[pos] != ' ' && line[pos] != '\t' {
				pos++
			}
			continue
		case nodeStart && (c == '-' || c == '?') && (pos+1 == len(line) || line[pos+1] == ' '):
			pos++
			continue
		case c == '[' || c == '{':
			depth++
			pos, nodeStart = pos+1, true
			continue
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			pos, nodeStart = pos+1, false
			continue
		case c == ',' && depth > 0:
			pos, nodeStart = pos+1, true
			continue
		case c == ':' && (pos+1 == len(line) || line[pos+1] == ' ' || depth > 0 && strings.ContainsRune(",]}", rune(line[pos+1]))):
			pos, nodeStart = pos+1, true
			continue
		case nodeStart && depth == 0 && (c == '|' || c == '>'):
			rest := strings.TrimSpace(line[pos+1:])
			return rest == "" || strings.Trim(rest, "+-0123456789") == "" || strings.HasPrefix(strings.TrimLeft(rest, "+-0123456789"), "#")
		case c == '"' || c == '\'':
			pos = skipQuoted(line, pos)
			nodeStart = false
			continue
		}
		// A plain scalar: up to a key separator, or in a flow to the next
		// indicator; nothing inside it is a mark.
		for pos < len(line) {
			c := line[pos]
			if c == ':' && (pos+1 == len(line) || line[pos+1] == ' ' || depth > 0 && strings.ContainsRune(",]}", rune(line[pos+1]))) {
				break
			}
			if depth > 0 && strings.ContainsRune(",[]{}", rune(c)) {
				break
			}
			if c == '#' && (line[pos-1] == ' ' || line[pos-1] == '\t') {
				return false
			}
			pos++
		}
		nodeStart = false
	}
	return false
}

// skipQuoted returns the offset after the quoted scalar starting at i (the
// line's end when it does not close on this line).
func skipQuoted(line string, i int) int {
	q := line[i]
	for j := i + 1; j < len(line); j++ {
		switch {
		case q == '"' && line[j] == '\\':
			j++
		case line[j] == q && q == '\'' && j+1 < len(line) && line[j+1] == '\'':
			j++
		case line[j] == q:
			return j + 1
		}
	}
	return len(line)
}

// AnchorFor returns the anchor an alias named name at offset refers to: the
// last one of that name before it.
func AnchorFor(marks []AnchorMark, name string, offset int) (AnchorMark, bool) {
	var found AnchorMark
	ok := false
	for _, m := range marks {
		if m.Start >= offset {
			break
		}
		if !m.Alias && m.Name == name {
			found, ok = m, true
		}
	}
	return found, ok
}

// MarkAt returns the mark whose span holds offset (its end included).
func MarkAt(marks []AnchorMark, offset int) (AnchorMark, bool) {
	for _, m := range marks {
		if offset >= m.Start && offset <= m.End {
			return m, true
		}
	}
	return AnchorMark{}, false
}

// AnchoredText is the text an anchor marks, for previews: the anchor's line
// and the more indented lines after it (at most most lines), dedented, and
// the anchor's zero-based line.
func AnchoredText(text []byte, m AnchorMark, most int) (line int, snippet string) {
	ls := m.Start
	for ls > 0 && text[ls-1] != '\n' {
		ls--
	}
	for i := 0; i < ls; i++ {
		if text[i] == '\n' {
			line++
		}
	}
	first := strings.TrimRight(string(text[ls:lineEnd(text, ls)]), "\r")
	indent := len(first) - len(strings.TrimLeft(first, " -"))
	lines := []string{first}
	for next := lineEnd(text, ls) + 1; next < len(text) && len(lines) < most; next = lineEnd(text, next) + 1 {
		l := strings.TrimRight(string(text[next:lineEnd(text, next)]), "\r")
		if strings.TrimSpace(l) != "" && indentOf(l) <= indent {
			break
		}
		lines = append(lines, l)
	}
	return line, Dedent(strings.TrimRight(strings.Join(lines, "\n"), "\n "))
}

// Dedent removes the indentation the first line has from every line.
func Dedent(s string) string {
	lines := strings.Split(s, "\n")
	cut := len(lines[0]) - len(strings.TrimLeft(lines[0], " "))
	for i, l := range lines {
		lines[i] = l[min(cut, len(l)-len(strings.TrimLeft(l, " "))):]
	}
	return strings.Join(lines, "\n")
}

// NearMark reports whether the word at offset starts with "&" or "*": the
// cheap test before a text is scanned for marks.
func NearMark(text []byte, offset int) bool {
	i := min(offset, len(text))
	for i > 0 && !strings.ContainsRune(" \t\r\n,[]{}&*", rune(text[i-1])) {
		i--
	}
	switch {
	case i > 0 && (text[i-1] == '&' || text[i-1] == '*'):
		return true
	case i < len(text) && (text[i] == '&' || text[i] == '*'):
		return true
	}
	return false
}
