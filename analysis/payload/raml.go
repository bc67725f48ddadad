package payload

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"asyncapi-ls/analysis/syntax"
)

// CheckRAML validates a RAML 1.0 data type payload as the official RAML
// schema parser's validation (AMF) sees it: the type (a built-in type, a
// type expression with | and [], or an inline declaration), the facets each
// type family has and their values, minimums not above maximums, and the
// example, examples, default and enum values against the type. A payload
// written as a bare type expression is not a declaration the parser can
// read (Always: it fails to convert it in every version).
func CheckRAML(n *syntax.Node) []Problem {
	c := &ramlChecker{}
	r := n.Resolve()
	if r == nil || r.Kind != syntax.Mapping {
		c.problems = append(c.problems, Problem{Start: n.Start, End: n.End, Always: true,
			Message: "A RAML payload is a type declaration, an object such as {type: string}; the parser cannot read a bare type expression here."})
		return c.problems
	}
	c.decl(r, false)
	return c.problems
}

type ramlChecker struct {
	problems []Problem
	depth    int
}

func (c *ramlChecker) fail(n *syntax.Node, format string, args ...any) {
	c.problems = append(c.problems, problemAt(n, format, args...))
}

// ramlShape is a type as far as values are checked against it.
type ramlShape struct {
	kind       string // a built-in type; "union"; "" for unknown (anything goes)
	members    []*ramlShape
	items      *ramlShape
	props      map[string]*ramlShape
	required   []string
	propOrder  []string
	closed     bool // additionalProperties: false
	enum       []*syntax.Node
	facets     *syntax.Node // the declaration, for its facets
	inheritsOf []*ramlShape
}

var ramlBuiltins = []string{"any", "string", "number", "integer", "boolean", "date-only", "time-only", "datetime-only", "datetime", "file", "nil", "object", "array"}

var ramlCommonFacets = []string{"type", "default", "example", "examples", "displayName", "description", "enum", "facets", "xml", "schema"}

var ramlFacets = map[string][]string{
	"any":           nil,
	"string":        {"pattern", "minLength", "maxLength"},
	"number":        {"minimum", "maximum", "format", "multipleOf"},
	"integer":       {"minimum", "maximum", "format", "multipleOf"},
	"boolean":       nil,
	"date-only":     nil,
	"time-only":     nil,
	"datetime-only": nil,
	"datetime":      {"format"},
	"file":          {"fileTypes", "minLength", "maxLength"},
	"nil":           nil,
	"object":        {"properties", "minProperties", "maxProperties", "additionalProperties", "discriminator", "discriminatorValue"},
	"array":         {"items", "minItems", "maxItems", "uniqueItems"},
	"union":         nil,
}

// RAMLFacets lists the facets a type of the family kind may have (common
// ones first); nil for an unknown family.
func RAMLFacets(kind string) []string {
	own, ok := ramlFacets[kind]
	if !ok {
		return nil
	}
	return append(slices.Clone(ramlCommonFacets[:len(ramlCommonFacets)-1]), own...)
}

// decl checks a type declaration (a mapping) and returns its shape.
func (c *ramlChecker) decl(n *syntax.Node, inProperty bool) *ramlShape {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > 64 {
		return &ramlShape{}
	}
	typeNode := n.Get("type")
	if typeNode == nil {
		typeNode = n.Get("schema")
	}
	var s *ramlShape
	switch {
	case typeNode == nil || typeNode.IsNull():
		kind := "string"
		switch {
		case n.Get("properties") != nil:
			kind = "object"
		case n.Get("items") != nil:
			kind = "array"
		}
		s = &ramlShape{kind: kind}
	default:
		s = c.typeOf(typeNode)
		if r := typeNode.Resolve(); r != nil && r.Kind != syntax.Scalar {
			// An inline declaration or a list to inherit from: its facets
			// hold for this type's values too.
			base := s
			s = &ramlShape{kind: base.kind, members: base.members, items: base.items, props: base.props,
				required: base.required, propOrder: base.propOrder, closed: base.closed, inheritsOf: []*ramlShape{base}}
		}
	}
	family := s.kind
	if family == "" {
		family = "any"
	}
	s.facets = n
	for _, p := range n.Pairs {
		key := p.Key.Value
		switch {
		case strings.HasPrefix(key, "(") && strings.HasSuffix(key, ")"):
			c.fail(p.Key, "The annotation %s is not declared: a RAML payload cannot declare annotation types.", key)
			continue
		case key == "required" && inProperty:
			c.boolean(p.Value, key)
			continue
		case slices.Contains(ramlCommonFacets, key), slices.Contains(ramlFacets[family], key):
		case s.kind == "":
			continue // a facet of a type we could not resolve
		default:
			c.fail(p.Key, "%q is not a facet of a RAML %s type; it has: %s.", key, family, strings.Join(RAMLFacets(family), ", "))
			continue
		}
		c.facet(s, key, p.Value)
	}
	c.bounds(n, "minimum", "maximum")
	c.bounds(n, "minLength", "maxLength")
	c.bounds(n, "minItems", "maxItems")
	c.bounds(n, "minProperties", "maxProperties")
	if enum := n.Get("enum").Resolve(); enum != nil && enum.Kind == syntax.Sequence {
		for _, it := range enum.Items {
			c.value(&ramlShape{kind: s.kind, members: s.members, items: s.items, props: s.props}, it, "This enum value")
		}
		s.enum = enum.Items
	}
	for _, key := range []string{"default", "example"} {
		if v := n.Get(key); v != nil {
			c.value(s, v, "The "+key)
		}
	}
	if ex := n.Get("examples").Resolve(); ex != nil && ex.Kind == syntax.Mapping {
		for _, p := range ex.Pairs {
			v := p.Value
			if r := v.Resolve(); r != nil && r.Kind == syntax.Mapping && r.Get("value") != nil {
				v = r.Get("value")
			}
			c.value(s, v, "The example "+strconv.Quote(p.Key.Value))
		}
	}
	return s
}

// facet checks one facet's value and records what values must follow.
func (c *ramlChecker) facet(s *ramlShape, key string, v *syntax.Node) {
	switch key {
	case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties":
		i, ok := integerOf(v)
		if !ok {
			c.fail(v, "The RAML facet %s is a whole number.", key)
			return
		}
		if i < 0 {
			p := problemAt(v, "The RAML facet %s is at least 0.", key)
			p.Always = key == "maxLength" || key == "minLength" // the converted JSON Schema is invalid
			c.problems = append(c.problems, p)
		}
	case "minimum", "maximum", "multipleOf":
		if _, ok := numberOf(v); !ok {
			c.fail(v, "The RAML facet %s is a number.", key)
		}
	case "uniqueItems", "additionalProperties":
		if c.boolean(v, key) && key == "additionalProperties" {
			s.closed = v.Resolve().Value == "false"
		}
	case "enum":
		if r := v.Resolve(); r == nil || r.Kind != syntax.Sequence {
			c.fail(v, "The RAML facet enum is a list of values.")
		}
	case "format":
		if s.kind == "datetime" && v.String() != "rfc3339" && v.String() != "rfc2616" {
			c.fail(v, "The format of a RAML datetime is rfc3339 (the default) or rfc2616.")
		}
	case "pattern":
		if r := v.Resolve(); r == nil || r.Kind != syntax.Scalar {
			c.fail(v, "The RAML facet pattern is a regular expression, a string.")
		}
	case "properties":
		r := v.Resolve()
		if r == nil || r.Kind != syntax.Mapping {
			c.fail(v, "The RAML facet properties maps property names to their types.")
			return
		}
		s.props = map[string]*ramlShape{}
		for _, p := range r.Pairs {
			name, optional := p.Key.Value, false
			if strings.HasSuffix(name, "?") {
				name, optional = strings.TrimSuffix(name, "?"), true
			}
			var ps *ramlShape
			if pr := p.Value.Resolve(); pr != nil && pr.Kind == syntax.Mapping {
				ps = c.decl(pr, true)
				if req := pr.Get("required"); req != nil {
					optional = req.Resolve().Value == "false"
				}
			} else {
				ps = c.typeOf(p.Value)
			}
			s.props[name] = ps
			s.propOrder = append(s.propOrder, name)
			if !optional {
				s.required = append(s.required, name)
			}
		}
	case "items":
		if r := v.Resolve(); r != nil && r.Kind == syntax.Mapping {
			s.items = c.decl(r, false)
		} else {
			s.items = c.typeOf(v)
		}
	}
}

func (c *ramlChecker) boolean(v *syntax.Node, key string) bool {
	r := v.Resolve()
	if r == nil || r.Kind != syntax.Scalar || r.Tag() != "!!bool" {
		c.fail(v, "The RAML facet %s is true or false.", key)
		return false
	}
	return true
}

// bounds checks that the lower facet is not above the upper one.
func (c *ramlChecker) bounds(n *syntax.Node, lower, upper string) {
	lo, ok1 := numberOf(n.Get(lower))
	hi, ok2 := numberOf(n.Get(upper))
	if ok1 && ok2 && lo > hi {
		c.fail(n.Get(upper), "The RAML facet %s (%v) is below %s (%v).", upper, hi, lower, lo)
	}
}

// typeOf reads the value of "type": a type expression, an inline
// declaration or a list of types to inherit from.
func (c *ramlChecker) typeOf(n *syntax.Node) *ramlShape {
	r := n.Resolve()
	switch {
	case r == nil:
		return &ramlShape{}
	case r.Kind == syntax.Mapping:
		return c.decl(r, false)
	case r.Kind == syntax.Sequence:
		s := &ramlShape{kind: "object"}
		for _, it := range r.Items {
			s.inheritsOf = append(s.inheritsOf, c.typeOf(it))
		}
		return s
	}
	s, bad := ramlExpression(strings.TrimSpace(r.Value))
	if bad != "" {
		c.fail(n, "Unknown RAML type %q: a payload knows only the built-in types (%s), combined with | and [].", bad, strings.Join(ramlBuiltins, ", "))
		return &ramlShape{}
	}
	return s
}

// ramlExpression reads a type expression; bad is a name it does not know.
func ramlExpression(expr string) (*ramlShape, string) {
	depth := 0
	var parts []string
	last := 0
	for i, ch := range expr {
		switch ch {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, expr[last:i])
				last = i + 1
			}
		}
	}
	parts = append(parts, expr[last:])
	if len(parts) > 1 {
		u := &ramlShape{kind: "union"}
		for _, p := range parts {
			if strings.TrimSpace(p) == "" {
				continue // AMF lets a dangling | pass
			}
			m, bad := ramlExpression(strings.TrimSpace(p))
			if bad != "" {
				return nil, bad
			}
			u.members = append(u.members, m)
		}
		return u, ""
	}
	term := strings.TrimSpace(parts[0])
	if strings.HasSuffix(term, "[]") {
		inner, bad := ramlExpression(strings.TrimSuffix(term, "[]"))
		if bad != "" {
			return nil, bad
		}
		return &ramlShape{kind: "array", items: inner}, ""
	}
	if strings.HasPrefix(term, "(") && strings.HasSuffix(term, ")") {
		return ramlExpression(term[1 : len(term)-1])
	}
	if slices.Contains(ramlBuiltins, term) {
		return &ramlShape{kind: term}, ""
	}
	return nil, term
}

var (
	ramlDateOnly     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	ramlTimeOnly     = regexp.MustCompile(`^\d{2}:\d{2}:\d{2}(\.\d+)?$`)
	ramlDateTimeOnly = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$`)
	intFormats       = map[string][2]float64{"int8": {-128, 127}, "int16": {-32768, 32767}, "int32": {math.MinInt32, math.MaxInt32},
		"int64": {-(1 << 63), 1<<63 - 1}, "int": {-(1 << 63), 1<<63 - 1}, "long": {-(1 << 63), 1<<63 - 1}}
)

// value checks a value (example, default, enum entry) against a type.
func (c *ramlChecker) value(s *ramlShape, v *syntax.Node, what string) {
	if why, at := ramlValueProblem(s, v); why != "" {
		c.fail(at, "%s does not fit the RAML type: %s.", what, why)
	}
}

// ramlValueProblem says why v does not fit s, and where.
func ramlValueProblem(s *ramlShape, v *syntax.Node) (string, *syntax.Node) {
	r := v.Resolve()
	if s == nil || r == nil {
		return "", nil
	}
	if s.kind == "union" {
		var first string
		var at *syntax.Node
		for _, m := range s.members {
			why, where := ramlValueProblem(m, v)
			if why == "" {
				return "", nil
			}
			if first == "" {
				first, at = why, where
			}
		}
		return first, at
	}
	scalar := r.Kind == syntax.Scalar
	str := scalar && (r.Tag() == "!!str" || r.Quoted)
	switch s.kind {
	case "", "any", "file":
		return "", nil
	case "nil":
		if !r.IsNull() {
			return "expected nil", v
		}
	case "boolean":
		if !scalar || r.Tag() != "!!bool" {
			return "expected a boolean", v
		}
	case "string":
		if !str {
			return "expected a string", v
		}
	case "date-only", "time-only", "datetime-only", "datetime":
		if !str {
			return "expected a string", v
		}
		if !ramlDateValid(s.kind, s.facets.Get("format").String(), r.Value) {
			return "expected a " + s.kind + " value", v
		}
	case "number", "integer":
		f, ok := numberOf(r)
		if !ok {
			return "expected a number", v
		}
		if s.kind == "integer" && f != math.Trunc(f) {
			return "expected a whole number", v
		}
		if rg, ok := intFormats[s.facets.Get("format").String()]; ok && (f < rg[0] || f > rg[1]) {
			return fmt.Sprintf("out of the range of %s", s.facets.Get("format").String()), v
		}
	case "object":
		if r.Kind != syntax.Mapping {
			return "expected an object", v
		}
		for _, name := range s.required {
			if r.Get(name) == nil {
				return "the property " + strconv.Quote(name) + " is missing", v
			}
		}
		for _, p := range r.Pairs {
			ps, known := s.props[p.Key.Value]
			if !known {
				if s.closed {
					return "the property " + strconv.Quote(p.Key.Value) + " is not declared (additionalProperties: false)", p.Key
				}
				continue
			}
			if why, at := ramlValueProblem(ps, p.Value); why != "" {
				return "at " + p.Key.Value + ": " + why, at
			}
		}
	case "array":
		if r.Kind != syntax.Sequence {
			return "expected a list", v
		}
		for i, it := range r.Items {
			if why, at := ramlValueProblem(s.items, it); why != "" {
				return fmt.Sprintf("item %d: %s", i, why), at
			}
		}
	}
	if why := ramlFacetProblem(s, r); why != "" {
		return why, v
	}
	for _, base := range s.inheritsOf {
		if why, at := ramlValueProblem(base, v); why != "" {
			return why, at
		}
	}
	return "", nil
}

// ramlFacetProblem checks the facets that restrict values (pattern,
// lengths, bounds, enum) on a value of the right type.
func ramlFacetProblem(s *ramlShape, r *syntax.Node) string {
	f := s.facets
	if f == nil {
		return ""
	}
	if r.Kind == syntax.Scalar {
		length := len([]rune(r.Value))
		if n, ok := integerOf(f.Get("minLength")); ok && (r.Tag() == "!!str" || r.Quoted) && int64(length) < n {
			return fmt.Sprintf("shorter than %d characters", n)
		}
		if n, ok := integerOf(f.Get("maxLength")); ok && (r.Tag() == "!!str" || r.Quoted) && int64(length) > n {
			return fmt.Sprintf("longer than %d characters", n)
		}
		if p := f.Get("pattern").String(); p != "" && (r.Tag() == "!!str" || r.Quoted) {
			// The parser matches the whole value, as if the pattern were
			// anchored at both ends.
			if !strings.HasPrefix(p, "^") {
				p = "^" + p
			}
			if !strings.HasSuffix(p, "$") {
				p += "$"
			}
			if re, err := regexp.Compile(p); err == nil && !re.MatchString(r.Value) {
				return "does not match the pattern " + p + " (the whole value)"
			}
		}
		if x, ok := numberOf(r); ok && (s.kind == "number" || s.kind == "integer") {
			if lo, ok := numberOf(f.Get("minimum")); ok && x < lo {
				return fmt.Sprintf("below the minimum %v", lo)
			}
			if hi, ok := numberOf(f.Get("maximum")); ok && x > hi {
				return fmt.Sprintf("above the maximum %v", hi)
			}
			if m, ok := numberOf(f.Get("multipleOf")); ok && m > 0 && math.Mod(x, m) != 0 {
				return fmt.Sprintf("not a multiple of %v", m)
			}
		}
	}
	if r.Kind == syntax.Sequence {
		if n, ok := integerOf(f.Get("minItems")); ok && int64(len(r.Items)) < n {
			return fmt.Sprintf("fewer than %d items", n)
		}
		if n, ok := integerOf(f.Get("maxItems")); ok && int64(len(r.Items)) > n {
			return fmt.Sprintf("more than %d items", n)
		}
	}
	if s.enum != nil {
		for _, e := range s.enum {
			if e.Resolve() != nil && e.Resolve().Value == r.Value && r.Kind == syntax.Scalar {
				return ""
			}
		}
		return "not one of the enum values"
	}
	return ""
}

func ramlDateValid(kind, format, v string) bool {
	switch kind {
	case "date-only":
		_, err := time.Parse("2006-01-02", v)
		return ramlDateOnly.MatchString(v) && err == nil
	case "time-only":
		return ramlTimeOnly.MatchString(v)
	case "datetime-only":
		return ramlDateTimeOnly.MatchString(v)
	}
	if format == "rfc2616" {
		_, err := time.Parse(time.RFC1123, v)
		return err == nil
	}
	_, err := time.Parse(time.RFC3339, v)
	return err == nil
}

// numberOf reads a number scalar (not a quoted one).
func numberOf(n *syntax.Node) (float64, bool) {
	r := n.Resolve()
	if r == nil || r.Kind != syntax.Scalar || r.Quoted || (r.Tag() != "!!int" && r.Tag() != "!!float") {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(r.Value, "_", ""), 64)
	if err != nil {
		i, err := strconv.ParseInt(r.Value, 0, 64) // 0x…, 0o…
		return float64(i), err == nil
	}
	return f, true
}
