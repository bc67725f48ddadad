package server_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A marker is a "#@name(args)" comment in a fixture; it speaks about the line
// it stands on (gopls' //@ markers, for YAML). JSON allows no comments, so
// markers there are blanked out with spaces before the text is sent, which
// keeps every offset in place.
type marker struct {
	name string
	line int // zero-based
	col  int // byte column where the marker starts
	args []string
}

var markerPattern = regexp.MustCompile(`#@(\w+)\(`)

// parseMarkers returns the markers of text and the text to send (markers
// blanked when blank is set).
func parseMarkers(text string, blank bool) ([]marker, string, error) {
	var markers []marker
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		for _, loc := range markerPattern.FindAllStringSubmatchIndex(line, -1) {
			args, n, err := splitArgs(line[loc[1]:])
			if err != nil {
				return nil, "", fmt.Errorf("line %d: %v", i+1, err)
			}
			markers = append(markers, marker{name: line[loc[2]:loc[3]], line: i, args: args, col: loc[0]})
			if blank {
				end := loc[1] + n
				lines[i] = lines[i][:loc[0]] + strings.Repeat(" ", end-loc[0]) + lines[i][end:]
			}
		}
	}
	return markers, strings.Join(lines, ""), nil
}

// splitArgs reads comma-separated Go-quoted strings and bare words up to ")",
// and returns how many bytes that took (the ")" included).
func splitArgs(all string) ([]string, int, error) {
	var args []string
	s := all
	for {
		s = strings.TrimLeft(s, " ")
		switch {
		case strings.HasPrefix(s, ")"):
			return args, len(all) - len(s) + 1, nil
		case strings.HasPrefix(s, `"`):
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, 0, err
			}
			v, _ := strconv.Unquote(q)
			args = append(args, v)
			s = s[len(q):]
		default:
			end := strings.IndexAny(s, ",)")
			if end < 0 {
				return nil, 0, fmt.Errorf("unterminated marker")
			}
			args = append(args, strings.TrimSpace(s[:end]))
			s = s[end:]
		}
		s = strings.TrimLeft(s, " ")
		s = strings.TrimPrefix(s, ",")
	}
}
