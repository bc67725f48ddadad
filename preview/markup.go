package preview

import (
	"html/template"
	"strconv"
	"strings"
)

// markup writes page HTML directly. The long parts of a page (the cards of
// channels, operations, messages and schemas, the schema trees, the lists)
// are written with it rather than with html/template: on a large document
// the template's reflection and its escaper calls per value were a third of
// the page's time. Each method escapes a document string for one context
// exactly as html/template does for a string in that context, so that both
// halves of the page follow one policy (FuzzMarkupEscapes compares them).
type markup struct{ b []byte }

// raw appends markup of our own: never a string from the document.
func (m *markup) raw(s string) { m.b = append(m.b, s...) }

// trusted appends HTML that was escaped where it was made (rendered
// CommonMark, pretty JSON, a schema tree).
func (m *markup) trusted(h template.HTML) { m.b = append(m.b, h...) }

// num appends a number.
func (m *markup) num(n int) { m.b = strconv.AppendInt(m.b, int64(n), 10) }

// text appends s as element content or as a quoted attribute value:
// html/template escapes both with one table (its htmlEscaper and
// attrEscaper for strings). All the characters it replaces are ASCII, so a
// byte scan finds them, and the bytes of other (or invalid) UTF-8 are kept.
func (m *markup) text(s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		m.b = append(m.b, s[done:i]...)
		m.b = append(m.b, repl...)
		done = i + 1
	}
	m.b = append(m.b, s[done:]...)
}

// anchor appends s as the fragment of an href="#…" value: every byte but
// the unreserved ones percent-encoded (html/template's urlEscaper), which
// leaves nothing the attribute must escape.
func (m *markup) anchor(s string) { m.percent(s, false) }

// href appends the whole value of an href attribute: a URL whose scheme is
// not http, https or mailto becomes "#ZgotmplZ" (html/template's urlFilter,
// behind the builder's own SafeURL check), then reserved characters stay,
// valid escapes stay, the rest is percent-encoded (urlNormalizer), then the
// attribute escaping.
func (m *markup) href(u string) {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		u = "#ZgotmplZ"
	}
	m.normalizedURL(u)
}

// normalizedURL appends u after a fixed URL start (as "mailto:"): the
// normalizing percent-encoding, then the attribute escaping.
func (m *markup) normalizedURL(u string) {
	var url markup
	url.percent(u, true)
	m.text(string(url.b))
}

// percent appends s percent-encoded as html/template's URL escapers do:
// unreserved bytes kept; with normalize, also the reserved ones and valid
// %XX escapes; everything else as %xx (lower-case hex).
func (m *markup) percent(s string, normalize bool) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			m.b = append(m.b, c)
			continue
		case normalize && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			m.b = append(m.b, c)
			continue
		case normalize && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			m.b = append(m.b, c)
			continue
		}
		m.b = append(m.b, '%', hex[c>>4], hex[c&15])
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// html returns what was written.
func (m *markup) html() template.HTML { return template.HTML(m.b) }
