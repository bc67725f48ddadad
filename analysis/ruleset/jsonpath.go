package ruleset

import (
	"fmt"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"

	"github.com/theory/jsonpath"
	"github.com/theory/jsonpath/spec"
)

// Path is a compiled "given" (or "field") expression in the dialect Spectral
// uses: RFC 9535 JSONPath, parsed by github.com/theory/jsonpath, with what
// JSONPath-Plus adds on top — unquoted and dashed names, JavaScript filters
// "[?(...)]" that may read @property, @path, @parent and @parentProperty, and
// a final "~" that selects keys instead of values.
type Path struct {
	Source string
	query  *spec.PathQuery
	// filters are the JavaScript filters, in the order of their placeholders.
	filters []*filter
	keys    bool // a final "~": the keys of the selected values
	// shared[k] names the first k+1 segments for the places they select
	// from the root, which the rules of a pass share (see view.shared); ""
	// when those segments hold a JavaScript filter, whose placeholder
	// means another filter in another path.
	shared []string
	// formats, group and rank come from a scoped alias's target (see
	// aliasExpr); group 0 is a path that applies to every document.
	formats     []string
	group, rank int
}

// PathError is a path that cannot be compiled; Offset is in the source.
type PathError struct {
	Offset int
	Msg    string
}

func (e *PathError) Error() string { return e.Msg }

// filterMark starts the name that stands for a JavaScript filter in the RFC
// text handed to the library (a private-use character no key contains).
const filterMark = "\ue000"

// CompilePath compiles a JSONPath expression.
func CompilePath(src string) (*Path, error) {
	t := &translator{src: src}
	rfc, err := t.translate()
	if err != nil {
		return nil, err
	}
	q, err := jsonpath.Parse(rfc)
	if err != nil {
		return nil, &PathError{Msg: "Invalid JSONPath " + strconv.Quote(src) + ": " + strings.TrimPrefix(err.Error(), "jsonpath: ")}
	}
	p := &Path{Source: src, query: q.Query(), filters: t.filters, keys: t.keys}
	var prefix strings.Builder
	prefix.WriteByte('$')
	filtered := false
	for _, seg := range p.query.Segments() {
		prefix.WriteString(seg.String())
		for _, sel := range seg.Selectors() {
			if name, ok := sel.(spec.Name); ok && strings.HasPrefix(string(name), filterMark) {
				filtered = true
			}
		}
		if filtered {
			p.shared = append(p.shared, "")
			continue
		}
		p.shared = append(p.shared, prefix.String())
	}
	return p, nil
}

// translator rewrites the Spectral dialect into RFC 9535 text.
type translator struct {
	src     string
	i       int
	out     strings.Builder
	filters []*filter
	keys    bool
}

func (t *translator) fail(msg string) error {
	return &PathError{Offset: t.i, Msg: fmt.Sprintf("Invalid JSONPath %q at %d: %s", t.src, t.i+1, msg)}
}

func (t *translator) translate() (string, error) {
	s := strings.TrimSpace(t.src)
	t.src = s
	if !strings.HasPrefix(s, "$") {
		return "", t.fail(`a path starts with "$" (or names an alias with "#")`)
	}
	t.out.WriteByte('$')
	t.i = 1
	for t.i < len(s) {
		c := s[t.i]
		switch {
		case c == '~' && t.i == len(s)-1:
			t.keys = true
			t.i++
		case c == '~':
			return "", t.fail(`"~" (keys) may only end a path`)
		case strings.HasPrefix(s[t.i:], ".."):
			t.i += 2
			if t.i < len(s) && s[t.i] == '[' {
				t.out.WriteString("..")
				continue
			}
			if t.i < len(s) && s[t.i] == '@' {
				t.out.WriteString("..")
				if err := t.typeStep(); err != nil {
					return "", err
				}
				continue
			}
			if err := t.dotName(true); err != nil {
				return "", err
			}
		case c == '.':
			t.i++
			switch {
			case t.i < len(s) && s[t.i] == '[':
				// JSONPath-Plus reads ".[" as "[": $.channels.[*]
				continue
			case t.i < len(s) && s[t.i] == '@':
				if err := t.typeStep(); err != nil {
					return "", err
				}
				continue
			}
			if err := t.dotName(false); err != nil {
				return "", err
			}
		case c == '[':
			if err := t.bracket(); err != nil {
				return "", err
			}
		case c == '^':
			return "", t.fail(`"^" (parent) is not supported; select the parent and use "field"`)
		default:
			return "", t.fail(fmt.Sprintf("unexpected %q", c))
		}
	}
	return t.out.String(), nil
}

// dotName reads a name after "." or "..": JSONPath-Plus takes everything up
// to the next ".", "[" or final "~".
func (t *translator) dotName(descendant bool) error {
	s := t.src
	start := t.i
	for t.i < len(s) && s[t.i] != '.' && s[t.i] != '[' && !(s[t.i] == '~' && t.i == len(s)-1) {
		t.i++
	}
	name := s[start:t.i]
	if name == "" {
		return t.fail("a name or * is expected after the dot")
	}
	if descendant {
		t.out.WriteString("..")
	}
	if name == "*" {
		t.out.WriteString("[*]")
	} else {
		t.out.WriteString("[" + quote(name) + "]")
	}
	return nil
}

// typeStep reads a JSONPath-Plus type selector after "." or "..", such as
// "@object()": the members whose values have that type, as the filter
// "[?(@object())]" selects them.
func (t *translator) typeStep() error {
	s := t.src
	end := t.i + 1
	for end < len(s) && 'a' <= s[end] && s[end] <= 'z' {
		end++
	}
	name := s[t.i:end]
	if !typeShorthands[name] || !strings.HasPrefix(s[t.i+len(name):], "()") {
		return t.fail(`a type selector is expected after "@": @string(), @number(), @integer(), @boolean(), @null(), @array(), @object() or @scalar()`)
	}
	t.writeFilter(&filter{src: name + "()", expr: jsTypeTest(name)})
	t.i += len(name) + 2
	return nil
}

// writeFilter puts the placeholder of a JavaScript filter into the RFC text.
func (t *translator) writeFilter(f *filter) {
	t.out.WriteString("[" + quote(filterMark+strconv.Itoa(len(t.filters))) + "]")
	t.filters = append(t.filters, f)
}

// bracket reads "[...]": a JavaScript filter, or selectors whose names may
// be unquoted.
func (t *translator) bracket() error {
	s := t.src
	if strings.HasPrefix(s[t.i:], "[?(") {
		end := closing(s, t.i+3)
		if end < 0 || end+1 >= len(s) || s[end+1] != ']' {
			return t.fail(`the filter "[?(" is not closed by ")]"`)
		}
		body := s[t.i+3 : end]
		f, err := parseFilter(body)
		if err != nil {
			at := t.i + 3
			if pe, ok := err.(*PathError); ok {
				at += pe.Offset
			}
			return &PathError{Offset: at, Msg: fmt.Sprintf("Invalid filter in %q: %s", s, err.Error())}
		}
		t.writeFilter(f)
		t.i = end + 2
		return nil
	}
	if strings.HasPrefix(s[t.i:], "[(") {
		return t.fail("script expressions [(...)] are not supported")
	}
	// Selectors separated by commas; quoted strings are copied as they are.
	end := -1
	var parts []string
	start := t.i + 1
	for j := t.i + 1; j < len(s); j++ {
		switch s[j] {
		case '\'', '"':
			k := skipString(s, j)
			if k < 0 {
				t.i = j
				return t.fail("unterminated string")
			}
			j = k
		case ',':
			parts = append(parts, s[start:j])
			start = j + 1
		case ']':
			parts = append(parts, s[start:j])
			end = j
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return t.fail(`"[" is not closed`)
	}
	t.out.WriteByte('[')
	for k, part := range parts {
		if k > 0 {
			t.out.WriteByte(',')
		}
		p := strings.TrimSpace(part)
		switch {
		case p == "":
			return t.fail("empty selector")
		case p == "*" || p[0] == '\'' || p[0] == '"' || isSliceOrIndex(p) || p[0] == '?':
			t.out.WriteString(p)
		default:
			t.out.WriteString(quote(p))
		}
	}
	t.out.WriteByte(']')
	t.i = end + 1
	return nil
}

func isSliceOrIndex(p string) bool {
	for _, r := range p {
		if !(r == '-' || r == ':' || r == ' ' || ('0' <= r && r <= '9')) {
			return false
		}
	}
	return true
}

func quote(name string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range name {
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// skipString returns the index of the quote closing the string at i.
func skipString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j
		}
	}
	return -1
}

// closing returns the index of the ")" that closes a "(" just before i.
func closing(s string, i int) int {
	depth := 1
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\'', '"':
			k := skipString(s, j)
			if k < 0 {
				return -1
			}
			j = k
		case '/':
			if k := skipRegexp(s, j); k > j {
				j = k
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// skipRegexp returns the end of a regular expression literal starting at i
// when the text before makes "/" start one, else i.
func skipRegexp(s string, i int) int {
	prev := strings.TrimRight(s[:i], " ")
	if prev != "" && !strings.ContainsAny(prev[len(prev)-1:], "(,=!&|:") {
		return i
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '/':
			return j
		}
	}
	return i
}

// match is one value a path selects.
type match struct {
	place
	key bool // the key of the place is selected, not its value
}

// descends reports whether the path has a descendant segment ("..").
func (p *Path) descends() bool {
	for _, seg := range p.query.Segments() {
		if seg.IsDescendant() {
			return true
		}
	}
	return false
}

// eval runs the path from from (the root of v, or a match for a "field"
// path).
func (p *Path) eval(v *view, from place, emit func(match)) {
	var cur []place
	if segs := p.query.Segments(); from.path == nil && len(segs) > 0 {
		cur = p.fromRoot(v, from, len(segs))
	} else {
		cur = []place{from}
		for _, seg := range segs {
			cur = p.step(v, seg, cur)
		}
	}
	for _, c := range cur {
		if p.keys {
			if c.path == nil {
				continue // the root has no key
			}
			emit(match{place: c, key: true})
			continue
		}
		emit(match{place: c})
	}
}

// fromRoot is what the first k segments select from root; the rules of a
// pass share the places a prefix selects (several rules of a ruleset
// often start with the same alias).
func (p *Path) fromRoot(v *view, root place, k int) []place {
	if k == 0 {
		return []place{root}
	}
	seg := p.query.Segments()[k-1]
	if key := p.shared[k-1]; key != "" {
		return v.shared(key, func() []place { return p.step(v, seg, p.fromRoot(v, root, k-1)) })
	}
	return p.step(v, seg, p.fromRoot(v, root, k-1))
}

// step applies one segment to each of cur.
func (p *Path) step(v *view, seg *spec.Segment, cur []place) []place {
	var next []place
	for _, c := range cur {
		if seg.IsDescendant() {
			v.walk(c, func(d place) {
				if d.node != nil && d.node.Kind != syntax.Scalar { // no selector selects below a scalar
					next = p.selectAll(v, seg, d, next)
				}
			})
		} else {
			next = p.selectAll(v, seg, c, next)
		}
	}
	return next
}

func (p *Path) selectAll(v *view, seg *spec.Segment, from place, out []place) []place {
	for _, sel := range seg.Selectors() {
		out = p.selectOne(v, sel, from, out)
	}
	return out
}

func (p *Path) selectOne(v *view, sel spec.Selector, from place, out []place) []place {
	switch s := sel.(type) {
	case spec.Name:
		name := string(s)
		if i, ok := strings.CutPrefix(name, filterMark); ok {
			n, _ := strconv.Atoi(i)
			f := p.filters[n]
			for _, c := range v.children(from) {
				if f.test(v, c, from) {
					out = append(out, c)
				}
			}
			return out
		}
		if c, ok := v.field(from, name); ok {
			out = append(out, c)
		}
	case spec.WildcardSelector:
		out = append(out, v.children(from)...)
	case spec.Index:
		if from.node == nil || from.node.Kind != syntax.Sequence {
			return out
		}
		i := int(s)
		if i < 0 {
			i += len(from.node.Items)
		}
		if c, ok := v.field(from, strconv.Itoa(i)); ok {
			out = append(out, c)
		}
	case spec.SliceSelector:
		if from.node == nil || from.node.Kind != syntax.Sequence {
			return out
		}
		items := v.children(from)
		lower, upper := s.Bounds(len(items))
		switch {
		case s.Step() > 0:
			for i := lower; i < upper; i += s.Step() {
				out = append(out, items[i])
			}
		case s.Step() < 0:
			for i := upper; i > lower; i += s.Step() {
				out = append(out, items[i])
			}
		}
	case *spec.FilterSelector:
		// An RFC 9535 filter ("?@.x == 1", no parentheses): the library
		// evaluates it on the plain data.
		root := v.value(v.rootPlace())
		for _, c := range v.children(from) {
			if s.Eval(v.value(c), root) {
				out = append(out, c)
			}
		}
	}
	return out
}
