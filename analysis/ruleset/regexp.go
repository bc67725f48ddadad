package ruleset

import (
	"errors"
	"regexp"
	"strings"
	"sync"
)

// Rulesets hold JavaScript regular expressions; Go's RE2 has no look-around
// and no back-references. What RE2 can express is translated (flags,
// \uXXXX escapes, named groups); the rest is refused with the reason, so
// the rule that holds it is reported on the ruleset and skipped.

// slashForm matches "/source/flags", the way pattern options may be written.
var slashForm = regexp.MustCompile(`^/(.+)/([a-z]*)$`)

var regexpCache sync.Map // source + "\x00" + flags → *regexp.Regexp

// compilePattern compiles a pattern option: "/source/flags" or a bare source.
func compilePattern(s string) (*regexp.Regexp, error) {
	if m := slashForm.FindStringSubmatch(s); m != nil {
		return compileJSRegexp(m[1], m[2])
	}
	return compileJSRegexp(s, "")
}

func compileJSRegexp(src, flags string) (*regexp.Regexp, error) {
	key := src + "\x00" + flags
	if re, ok := regexpCache.Load(key); ok {
		return re.(*regexp.Regexp), nil
	}
	goSrc, err := translateRegexp(src)
	if err != nil {
		return nil, err
	}
	prefix := ""
	for _, f := range flags {
		switch f {
		case 'i', 'm', 's':
			prefix += string(f)
		case 'g', 'y', 'u', 'd', 'v':
			// No effect on a single test.
		default:
			return nil, errors.New("Unknown regular expression flag " + string(f))
		}
	}
	if prefix != "" {
		goSrc = "(?" + prefix + ")" + goSrc
	}
	re, err := regexp.Compile(goSrc)
	if err != nil {
		return nil, errors.New("The regular expression /" + src + "/ cannot be used: " + strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	regexpCache.Store(key, re)
	return re, nil
}

// translateRegexp rewrites JavaScript syntax that RE2 spells differently.
func translateRegexp(src string) (string, error) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			n := src[i+1]
			switch {
			case n == 'u' && i+5 < len(src) && isHex(src[i+2:i+6]):
				b.WriteString(`\x{` + src[i+2:i+6] + `}`)
				i += 5
				continue
			case n >= '1' && n <= '9' && !inClass:
				return "", errors.New("The regular expression /" + src + "/ uses a back-reference, which asyncapi-ls's regular expressions (RE2) lack")
			case n == '/':
				b.WriteByte('/')
				i++
				continue
			}
			b.WriteByte(c)
			b.WriteByte(n)
			i++
			continue
		case c == '[' && !inClass:
			inClass = true
			if strings.HasPrefix(src[i:], "[^]") {
				b.WriteString(`[\s\S]`)
				i += 2
				inClass = false
				continue
			}
		case c == ']' && inClass:
			inClass = false
		case c == '(' && !inClass && strings.HasPrefix(src[i:], "(?"):
			rest := src[i+2:]
			switch {
			case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "!"), strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, "<!"):
				return "", errors.New("The regular expression /" + src + "/ uses look-around, which asyncapi-ls's regular expressions (RE2) lack")
			case strings.HasPrefix(rest, "<"):
				b.WriteString("(?P<")
				i += 2
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(s[i])) {
			return false
		}
	}
	return true
}
