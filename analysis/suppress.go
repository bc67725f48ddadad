package analysis

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SuppressComment silences diagnostics on the line after it:
//
//	# asyncapi-ls-disable-next-line asyncapi-info-contact, asyncapi-servers
//
// Without codes it silences every diagnostic of that line. JSON has no
// comments, so only YAML documents can use it.
const SuppressComment = "asyncapi-ls-disable-next-line"

// suppressions maps a line start offset to the codes silenced on that line
// (nil slice: all codes).
type suppressions map[int][]string

func findSuppressions(text []byte) suppressions {
	if !HasSuppressComment(text) {
		return nil
	}
	out := suppressions{}
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := strings.TrimSpace(string(text[start:end]))
		if rest, ok := strings.CutPrefix(line, "#"); ok {
			rest = strings.TrimSpace(rest)
			if args, ok := strings.CutPrefix(rest, SuppressComment); ok && (args == "" || args[0] == ' ' || args[0] == '\t') {
				var codes []string
				for _, c := range strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
					codes = append(codes, c)
				}
				if codes == nil {
					codes = []string{}
				}
				out[end+1] = codes
			}
		}
		start = end + 1
	}
	return out
}

// filter drops the diagnostics whose first line a comment silences.
// canonical maps a code written in a comment (maybe an alias) to the rule's.
func (s suppressions) filter(text []byte, ds []Diagnostic, canonical func(string) string) []Diagnostic {
	if len(s) == 0 {
		return ds
	}
	out := ds[:0]
	for _, d := range ds {
		lineStart := bytes.LastIndexByte(text[:min(d.Start, len(text))], '\n') + 1
		codes, ok := s[lineStart]
		if ok && (len(codes) == 0 || slices.ContainsFunc(codes, func(c string) bool { return canonical(c) == d.Code })) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// HasSuppressComment reports whether text may hold a suppression comment:
// a "#" followed by the marker. It looks at each "#" (a byte search far
// quicker than searching for the marker itself, whose letters are
// everywhere in a YAML text).
func HasSuppressComment(text []byte) bool {
	marker := []byte(SuppressComment)
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '#')
		if j < 0 {
			return false
		}
		i += j + 1
		k := i
		for k < len(text) {
			r, size := utf8.DecodeRune(text[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += size
		}
		if bytes.HasPrefix(text[k:], marker) {
			return true
		}
	}
}
