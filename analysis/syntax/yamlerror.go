package syntax

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/source"

	"go.yaml.in/yaml/v3"
)

// yaml v3 reports "yaml: line N: problem", where N is the line of the
// enclosing construct rather than of the problem, and no column at all; a
// canary test pins this format.
var yamlErrorPattern = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// maxSearchBytes bounds the re-parsing used to find the failing line.
const maxSearchBytes = 512 << 10

// locateYAMLError turns a yaml error into a located, readable Error. It finds
// the first line at which the enclosing top-level section stops parsing by
// re-parsing growing prefixes of that section only.
func locateYAMLError(text []byte, lines *source.Mapper, err error) Error {
	m := yamlErrorPattern.FindStringSubmatch(err.Error())
	problem := err.Error()
	line := 0
	if m != nil {
		problem = m[2]
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
			line--
		}
	}
	line = min(max(line, 0), lines.LineCount()-1)
	if found, ok := firstFailingLine(text, lines, line); ok {
		line = found
	}
	start, end := problemSpan(text, lines, line, problem)
	return Error{Start: start, End: end, Message: readableYAMLProblem(problem, text[start:end])}
}

// firstFailingLine binary-searches the smallest line L >= from such that the
// top-level section holding from, cut after L, fails to parse.
func firstFailingLine(text []byte, lines *source.Mapper, from int) (int, bool) {
	section := from
	for section > 0 && !isTopLevelKeyLine(text, lines, section) {
		section--
	}
	base := lines.LineStart(section)
	fails := func(last int) bool {
		var n yaml.Node
		return yaml.Unmarshal(text[base:lines.LineStart(last+1)], &n) != nil
	}
	lo, hi := from, lines.LineCount()-1
	for hi > lo && lines.LineStart(hi+1)-base > maxSearchBytes {
		hi = lo + (hi-lo)/2
	}
	if !fails(hi) {
		return 0, false
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, true
}

func isTopLevelKeyLine(text []byte, lines *source.Mapper, line int) bool {
	start := lines.LineStart(line)
	if start >= len(text) {
		return false
	}
	switch text[start] {
	case ' ', '\t', '\r', '\n', '#', '-', '.', '%':
		return false
	}
	return true
}

// problemSpan picks the smallest span on line that the problem is about.
func problemSpan(text []byte, lines *source.Mapper, line int, problem string) (int, int) {
	ls := lines.LineStart(line)
	le := lineEnd(text, ls)
	content := text[ls:le]
	first := ls + len(content) - len(bytes.TrimLeft(content, " "))
	trimmedEnd := ls + len(bytes.TrimRight(content, " \t"))
	if trimmedEnd <= first {
		return first, first
	}
	switch {
	case strings.Contains(problem, "cannot start any token") || strings.Contains(problem, "tab character"):
		if i := bytes.IndexByte(content, '\t'); i >= 0 {
			return ls + i, ls + i + 1
		}
	case strings.Contains(problem, "mapping values are not allowed"):
		colons := 0
		for i := first - ls; i < len(content); i++ {
			if content[i] == ':' && (i+1 == len(content) || content[i+1] == ' ') {
				colons++
				if colons == 2 {
					return ls + i, ls + i + 1
				}
			}
		}
	case strings.Contains(problem, "end of stream") || strings.Contains(problem, "quoted scalar"):
		if i := bytes.LastIndexAny(content, `"'`); i >= 0 {
			return ls + i, trimmedEnd
		}
	}
	return first, trimmedEnd
}

// readableYAMLProblem explains yaml's terse messages in words a user acts on.
func readableYAMLProblem(problem string, at []byte) string {
	switch {
	case strings.Contains(problem, "tab character"),
		strings.Contains(problem, "cannot start any token") && bytes.HasPrefix(at, []byte("\t")):
		return "Tabs are not allowed for indentation in YAML; indent with spaces."
	case strings.Contains(problem, "cannot start any token"):
		return "This character cannot start a YAML value; quote the value."
	case strings.Contains(problem, "mapping values are not allowed"):
		return `A plain value cannot contain ": ". Quote the value, or start the nested mapping on its own indented line.`
	case strings.Contains(problem, "found unexpected end of stream"):
		return "The document ends inside this value: a closing quote or bracket is missing."
	case strings.Contains(problem, "did not find expected key"):
		return "Unexpected content here: check this line's indentation against the keys above it."
	case strings.Contains(problem, "did not find expected '-' indicator"):
		return `Expected a sequence item ("- ") at this indentation.`
	case strings.Contains(problem, "could not find expected ':'"):
		return `Expected ":" after this key.`
	case strings.Contains(problem, "did not find expected ',' or ']'"):
		return `A flow sequence is not closed: "," or "]" is missing.`
	case strings.Contains(problem, "did not find expected ',' or '}'"):
		return `A flow mapping is not closed: "," or "}" is missing.`
	case strings.Contains(problem, "unknown anchor"):
		return "YAML syntax error: " + problem + " (an alias must refer to an anchor defined before it)."
	}
	return "YAML syntax error: " + problem + "."
}
