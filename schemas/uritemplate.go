package schemas

import (
	"errors"
	"fmt"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// URITemplate is the "uri-template" format as RFC 6570 defines it, the way
// the official parser asserts it: the JSON Schema library's own check lets
// an empty "{}" or a "{user-id}" through, which the parser rejects in 2.x
// channel names. Literals may not hold spaces, quotes, "<>\^`|" or a lone
// "}"; an expression is "{", an optional operator, variable names joined
// by commas (letters, digits, "_", percent-escapes, single dots between
// them), each with an optional ":length" or "*", then "}".
var URITemplate = &jsonschema.Format{Name: "uri-template", Validate: validateURITemplate}

func validateURITemplate(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '{':
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return errors.New(`an expression is not closed with "}"`)
			}
			if err := checkExpression(s[i+1 : i+1+end]); err != nil {
				return err
			}
			i += end + 2
		case c == '%':
			if !percentEscape(s[i:]) {
				return errors.New(`"%" starts no percent-escape`)
			}
			i += 3
		case c <= ' ' || c == 0x7f || strings.IndexByte("\"'<>\\^`|}", c) >= 0:
			return fmt.Errorf("%q may not appear outside an expression", c)
		default:
			i++
		}
	}
	return nil
}

// checkExpression checks the inside of one "{…}".
func checkExpression(e string) error {
	if e == "" {
		return errors.New(`"{}" names no variable`)
	}
	if strings.IndexByte("+#./;?&=,!@|", e[0]) >= 0 {
		e = e[1:]
	}
	for _, spec := range strings.Split(e, ",") {
		name := spec
		if n, ok := strings.CutSuffix(spec, "*"); ok {
			name = n
		} else if i := strings.IndexByte(spec, ':'); i >= 0 {
			name = spec[:i]
			if !maxLength(spec[i+1:]) {
				return fmt.Errorf("%q is not a length limit (1 to 9999)", spec[i+1:])
			}
		}
		if !varName(name) {
			return fmt.Errorf("%q is not a variable name (letters, digits, _ and percent-escapes, dots between them)", name)
		}
	}
	return nil
}

func varName(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if !percentEscape(s[i:]) {
				return false
			}
			i += 2
		case c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		default:
			return false
		}
	}
	return true
}

func maxLength(s string) bool {
	if len(s) == 0 || len(s) > 4 || s[0] < '1' || s[0] > '9' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func percentEscape(s string) bool {
	return len(s) >= 3 && s[0] == '%' && isHex(s[1]) && isHex(s[2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
