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
	args []string
}

var markerPattern = regexp.MustCompile(`#@(\w+)\(`)

// parseMarkers returns the markers of text and the text to send (markers
// blanked when blank is set).
func parseMarkers(text string, blank bool) ([]marker, string, error) {
	var markers []marker
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		loc := markerPattern.FindStringSubmatchIndex(line)
		if loc == nil {
			continue
		}
		args, err := splitArgs(line[loc[1]:])
		if err != nil {
			return nil, "", fmt.Errorf("line %d: %v", i+1, err)
		}
		markers = append(markers, marker{name: line[loc[2]:loc[3]], line: i, args: args})
		if blank {
			end := len(strings.TrimRight(line, "\r\n"))
			lines[i] = line[:loc[0]] + strings.Repeat(" ", end-loc[0]) + line[end:]
		}
	}
	return markers, strings.Join(lines, ""), nil
}

// splitArgs reads comma-separated Go-quoted strings and bare words up to ")".
func splitArgs(s string) ([]string, error) {
	var args []string
	for {
		s = strings.TrimLeft(s, " ")
		switch {
		case strings.HasPrefix(s, ")"):
			return args, nil
		case strings.HasPrefix(s, `"`):
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, err
			}
			v, _ := strconv.Unquote(q)
			args = append(args, v)
			s = s[len(q):]
		default:
			end := strings.IndexAny(s, ",)")
			if end < 0 {
				return nil, fmt.Errorf("unterminated marker")
			}
			args = append(args, strings.TrimSpace(s[:end]))
			s = s[end:]
		}
		s = strings.TrimLeft(s, " ")
		s = strings.TrimPrefix(s, ",")
	}
}
