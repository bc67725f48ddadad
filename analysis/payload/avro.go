package payload

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"asyncapi-ls/analysis/syntax"
)

// Problem is one way a payload schema is invalid, at the byte span
// [Start, End) of the source.
type Problem struct {
	Start, End int
	Message    string
	// Spec marks what only the format's specification asks (an Avro
	// logical type on the wrong type, …): the official schema parser lets it
	// pass, so it is never an error.
	Spec bool
	// Always marks what the parser rejects in every AsyncAPI version (in
	// 3.x when it converts the schema), not only where it validates it.
	Always bool
}

func problemAt(n *syntax.Node, format string, args ...any) Problem {
	return Problem{Start: n.Start, End: n.End, Message: fmt.Sprintf(format, args...)}
}

// Avro's primitive type names; avsc, the official Avro schema parser's
// library, also knows "error" as a record.
var (
	avroPrimitives = []string{"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
	avroComplex    = []string{"record", "enum", "array", "map", "fixed", "error"}
	avroNamePart   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

func isAvroPrimitive(s string) bool { return slices.Contains(avroPrimitives, s) }

// avroType is what the checker knows of a type once read: enough to check
// defaults and union branches.
type avroType struct {
	kind    string // a primitive or complex type name
	name    string // full name of a named type
	size    int    // fixed
	symbols []string
	items   *avroType // array items, map values
	fields  []avroField
	union   []*avroType
}

type avroField struct {
	name       string
	typ        *avroType
	hasDefault bool
}

// branchName names a union branch as avsc does: named types by their full
// name, others by their kind.
func (t *avroType) branchName() string {
	if t.name != "" {
		return t.name
	}
	return t.kind
}

// CheckAvro validates an Avro schema as the Avro schema parser of the
// official tooling reads it (avsc's Type.forSchema, Avro 1.9): types and
// type names, names and namespaces, record fields, enum symbols, fixed
// sizes, unions, field defaults against their types; logical types are
// checked against the specification (Spec problems: the parser ignores
// them, as the specification tells readers to do with an invalid one).
func CheckAvro(n *syntax.Node) []Problem {
	c := &avroChecker{defined: map[string]*avroType{}}
	c.read(n, "")
	return c.problems
}

type avroChecker struct {
	defined  map[string]*avroType
	problems []Problem
	depth    int
}

func (c *avroChecker) fail(n *syntax.Node, format string, args ...any) {
	c.problems = append(c.problems, problemAt(n, format, args...))
}

func (c *avroChecker) warn(n *syntax.Node, format string, args ...any) {
	p := problemAt(n, format, args...)
	p.Spec = true
	c.problems = append(c.problems, p)
}

// qualify returns the full name of name in namespace, or "" after a
// problem when a part is not a valid Avro name.
func (c *avroChecker) qualify(at *syntax.Node, name, namespace string) string {
	full := name
	if strings.Contains(name, ".") {
		full = strings.TrimPrefix(name, ".")
	} else if namespace != "" {
		full = namespace + "." + name
	}
	for _, part := range strings.Split(full, ".") {
		if !avroNamePart.MatchString(part) {
			c.fail(at, "Invalid Avro name %q: each part of a name starts with a letter or _ and holds only letters, digits and _.", full)
			return ""
		}
	}
	return full
}

// read reads the schema at n in namespace; nil after a problem that makes
// the type unknown.
func (c *avroChecker) read(n *syntax.Node, namespace string) *avroType {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > 200 {
		return nil
	}
	r := n.Resolve()
	switch {
	case r == nil || r.IsNull():
		c.fail(n, `An Avro type is missing here; did you mean the type "null"?`)
		return nil
	case r.Kind == syntax.Sequence:
		return c.union(r, namespace)
	case r.Kind == syntax.Scalar:
		return c.reference(r, namespace)
	}
	typeNode := r.Get("type")
	kind := typeNode.String()
	if typeNode.Resolve() == nil || typeNode.Resolve().Kind != syntax.Scalar || typeNode.IsNull() {
		at := typeNode
		if at == nil {
			at = firstKey(r)
			c.fail(at, `An Avro schema object needs a "type": one of %s.`, strings.Join(append(slices.Clone(avroPrimitives), avroComplex...), ", "))
			return nil
		}
		c.fail(at, `The "type" of an Avro schema object is a type name (%s); to nest a type, use a record field or a union.`, strings.Join(append(slices.Clone(avroPrimitives), avroComplex...), ", "))
		return nil
	}
	if isAvroPrimitive(kind) {
		t := &avroType{kind: kind}
		c.logicalType(r, t)
		return t
	}
	switch kind {
	case "record", "error":
		return c.record(r, namespace)
	case "enum", "fixed":
		t := &avroType{kind: kind}
		if !c.named(r, t, namespace) {
			return nil
		}
		if kind == "enum" {
			c.enum(r, t)
		} else {
			c.fixed(r, t)
		}
		return t
	case "array", "map":
		member := "items"
		if kind == "map" {
			member = "values"
		}
		v := r.Get(member)
		if v == nil || v.IsNull() || isFalsy(v) {
			c.fail(typeNode, "An Avro %s needs %q: the type of its %s.", kind, member, map[string]string{"items": "items", "values": "values"}[member])
			return nil
		}
		inner := c.read(v, namespace)
		if inner == nil {
			return nil
		}
		t := &avroType{kind: kind, items: inner}
		c.logicalType(r, t)
		return t
	}
	if _, ok := c.defined[c.fullName(kind, namespace)]; ok {
		c.fail(typeNode, `Avro reads "type" %q as a type of its own, not a reference to the named type: write the name itself (%q) instead of this object.`, kind, kind)
		return nil
	}
	c.fail(typeNode, "Unknown Avro type %q; expected one of %s.", kind, strings.Join(append(slices.Clone(avroPrimitives), avroComplex...), ", "))
	return nil
}

// fullName is name resolved in namespace without reporting problems.
func (c *avroChecker) fullName(name, namespace string) string {
	if strings.Contains(name, ".") {
		return strings.TrimPrefix(name, ".")
	}
	if isAvroPrimitive(name) || namespace == "" {
		return name
	}
	return namespace + "." + name
}

// reference reads a type name: a primitive or a named type defined before.
func (c *avroChecker) reference(n *syntax.Node, namespace string) *avroType {
	if n.Tag() != "!!str" && !n.Quoted {
		c.fail(n, "An Avro type is a type name, a schema object or a union (a list); not %s.", n.Value)
		return nil
	}
	name := n.Value
	parts := strings.Split(name, ".")
	if isAvroPrimitive(parts[len(parts)-1]) {
		return &avroType{kind: parts[len(parts)-1]}
	}
	full := c.qualify(n, name, namespace)
	if full == "" {
		return nil
	}
	if t := c.defined[full]; t != nil {
		return t
	}
	if slices.Contains(avroComplex, name) {
		c.fail(n, "%q is an Avro type that needs attributes: write it as an object, {type: %s, …}.", name, name)
		return nil
	}
	c.fail(n, "Undefined Avro type name %q: a named type must be defined before it is used (primitive types: %s).", full, strings.Join(avroPrimitives, ", "))
	return nil
}

func (c *avroChecker) union(n *syntax.Node, namespace string) *avroType {
	if len(n.Items) == 0 {
		c.fail(n, "An Avro union lists at least one type.")
		return nil
	}
	t := &avroType{kind: "union"}
	seen := map[string]bool{}
	ok := true
	for _, it := range n.Items {
		b := c.read(it, namespace)
		if b == nil {
			ok = false
			continue
		}
		if b.kind == "union" {
			c.fail(it, "An Avro union cannot hold another union directly: list its types in this one.")
			ok = false
			continue
		}
		if seen[b.branchName()] {
			c.fail(it, "This Avro union already has a %q branch: a union holds each type once (named types once per name).", b.branchName())
			ok = false
			continue
		}
		seen[b.branchName()] = true
		t.union = append(t.union, b)
	}
	if !ok {
		return nil
	}
	return t
}

// named reads name, namespace and aliases of a record, enum or fixed and
// defines its name.
func (c *avroChecker) named(n *syntax.Node, t *avroType, namespace string) bool {
	nameNode := n.Get("name")
	if ns := n.Get("namespace"); ns != nil && !ns.IsNull() {
		namespace = ns.String()
	}
	if nameNode == nil || nameNode.IsNull() {
		return true // avsc accepts anonymous types (the specification does not)
	}
	if r := nameNode.Resolve(); r == nil || r.Kind != syntax.Scalar {
		c.fail(nameNode, "An Avro name is a string.")
		return false
	}
	name := nameNode.String()
	parts := strings.Split(name, ".")
	if isAvroPrimitive(parts[len(parts)-1]) {
		c.fail(nameNode, "%q is an Avro primitive type: a named type cannot take its name.", parts[len(parts)-1])
		return false
	}
	full := c.qualify(nameNode, name, namespace)
	if full == "" {
		return false
	}
	if c.defined[full] != nil {
		c.fail(nameNode, "The Avro type name %q is defined twice.", full)
		return false
	}
	t.name = full
	c.defined[full] = t
	if aliases := n.Get("aliases").Resolve(); aliases != nil && aliases.Kind == syntax.Sequence {
		for _, a := range aliases.Items {
			c.qualify(a, a.String(), namespace)
		}
	}
	return true
}

func (c *avroChecker) record(n *syntax.Node, namespace string) *avroType {
	t := &avroType{kind: "record"}
	inner := namespace
	if ns := n.Get("namespace"); ns != nil && !ns.IsNull() {
		inner = ns.String()
	} else if name := n.Get("name").String(); strings.Contains(name, ".") {
		inner = name[:strings.LastIndex(name, ".")]
	}
	if !c.named(n, t, namespace) {
		return nil
	}
	fields := n.Get("fields").Resolve()
	if fields == nil || fields.Kind != syntax.Sequence {
		at := n.Get("fields")
		if at == nil {
			at = n.Get("type")
		}
		c.fail(at, `An Avro record needs "fields": a list of fields, each with a name and a type.`)
		return nil
	}
	names := map[string]bool{}
	for _, f := range fields.Items {
		fr := f.Resolve()
		if fr == nil || fr.Kind != syntax.Mapping {
			c.fail(f, "An Avro record field is an object with a name and a type.")
			continue
		}
		nameNode := fr.Get("name")
		name := nameNode.String()
		switch {
		case nameNode == nil:
			c.fail(firstKey(fr), `This Avro field needs a "name".`)
			continue
		case !avroNamePart.MatchString(name) || nameNode.Resolve().Kind != syntax.Scalar:
			c.fail(nameNode, "Invalid Avro field name %q: a name starts with a letter or _ and holds only letters, digits and _.", name)
			continue
		case names[name]:
			c.fail(nameNode, "This Avro record already has a field %q.", name)
			continue
		}
		names[name] = true
		typeNode := fr.Get("type")
		if typeNode == nil {
			c.fail(nameNode, `The Avro field %q needs a "type".`, name)
			continue
		}
		ft := c.read(typeNode, inner)
		if o := fr.Get("order"); o != nil {
			switch o.String() {
			case "ascending", "descending", "ignore":
			default:
				c.fail(o, `The order of an Avro field is "ascending", "descending" or "ignore".`)
			}
		}
		field := avroField{name: name, typ: ft}
		if d := fr.Entry("default"); d != nil {
			field.hasDefault = true
			if ft != nil {
				if why := avroDefaultProblem(ft, d.Value); why != "" {
					c.fail(d.Value, "The default of the Avro field %q does not fit its type: %s.", name, why)
				}
			}
		}
		t.fields = append(t.fields, field)
	}
	return t
}

func (c *avroChecker) enum(n *syntax.Node, t *avroType) {
	symbols := n.Get("symbols").Resolve()
	if symbols == nil || symbols.Kind != syntax.Sequence || len(symbols.Items) == 0 {
		at := n.Get("symbols")
		if at == nil {
			at = n.Get("type")
		}
		c.fail(at, `An Avro enum needs "symbols": a list of at least one name.`)
		return
	}
	for _, s := range symbols.Items {
		sym := s.String()
		switch {
		case !avroNamePart.MatchString(sym) || s.Resolve().Kind != syntax.Scalar:
			c.fail(s, "Invalid Avro enum symbol %q: a symbol starts with a letter or _ and holds only letters, digits and _.", sym)
		case slices.Contains(t.symbols, sym):
			c.fail(s, "The Avro enum symbol %q is listed twice.", sym)
		default:
			t.symbols = append(t.symbols, sym)
		}
	}
	if d := n.Get("default"); d != nil && !slices.Contains(t.symbols, d.String()) {
		c.fail(d, "The default of an Avro enum is one of its symbols (%s).", strings.Join(t.symbols, ", "))
	}
}

func (c *avroChecker) fixed(n *syntax.Node, t *avroType) {
	size := n.Get("size")
	v, ok := integerOf(size)
	if !ok || v < 0 || v > math.MaxInt32 {
		at := size
		if at == nil {
			at = n.Get("type")
		}
		c.fail(at, `An Avro fixed needs "size": the number of bytes, a whole number of at least 0.`)
		return
	}
	t.size = int(v)
	c.logicalType(n, t)
}

// logicalTypes maps each logical type of the Avro 1.9 specification to the
// types it may annotate.
var logicalTypes = map[string][]string{
	"decimal":                {"bytes", "fixed"},
	"uuid":                   {"string"},
	"date":                   {"int"},
	"time-millis":            {"int"},
	"time-micros":            {"long"},
	"timestamp-millis":       {"long"},
	"timestamp-micros":       {"long"},
	"local-timestamp-millis": {"long"},
	"local-timestamp-micros": {"long"},
	"duration":               {"fixed"},
}

// LogicalTypes lists the Avro logical types, sorted.
func LogicalTypes() []string {
	var out []string
	for k := range logicalTypes {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// logicalType checks a logical type annotation against the specification.
// Readers ignore an invalid one (the parser too), so these are Spec
// problems.
func (c *avroChecker) logicalType(n *syntax.Node, t *avroType) {
	lt := n.Get("logicalType")
	if lt == nil {
		return
	}
	name := lt.String()
	on, known := logicalTypes[name]
	switch {
	case !known:
		c.warn(lt, "Unknown Avro logical type %q: readers ignore it and use the underlying type; known: %s.", name, strings.Join(LogicalTypes(), ", "))
		return
	case !slices.Contains(on, t.kind):
		c.warn(lt, "The Avro logical type %q annotates %s, not %s: readers ignore it here.", name, strings.Join(on, " or "), t.kind)
		return
	}
	switch name {
	case "decimal":
		precision, ok := integerOf(n.Get("precision"))
		if !ok || precision < 1 {
			at := n.Get("precision")
			if at == nil {
				at = lt
			}
			c.warn(at, `An Avro decimal needs "precision": the number of digits, at least 1.`)
			return
		}
		if t.kind == "fixed" {
			// The most digits that size bytes hold in two's complement.
			if max := int64(math.Floor(math.Log10(2) * float64(8*t.size-1))); precision > max {
				c.warn(n.Get("precision"), "A fixed of %d bytes holds at most %d decimal digits.", t.size, max)
			}
		}
		if s := n.Get("scale"); s != nil {
			scale, ok := integerOf(s)
			if !ok || scale < 0 || scale > precision {
				c.warn(s, "The scale of an Avro decimal is a whole number from 0 to its precision (%d).", precision)
			}
		}
	case "duration":
		if t.size != 12 {
			c.warn(lt, "An Avro duration is a fixed of size 12, not %d.", t.size)
		}
	}
}

// avroDefaultProblem says why v is not a valid default of t, "" when it
// is. As avsc reads it: a union's default is of its first type; a record's
// is an object whose fields fit (a field left out takes its own default);
// bytes and fixed are strings (for fixed, of exactly size characters).
func avroDefaultProblem(t *avroType, v *syntax.Node) string {
	r := v.Resolve()
	if r == nil {
		return "it is empty"
	}
	switch t.kind {
	case "union":
		if len(t.union) == 0 {
			return ""
		}
		if why := avroDefaultProblem(t.union[0], v); why != "" {
			return why + " (a union's default is of its first type, " + t.union[0].branchName() + ")"
		}
		return ""
	case "null":
		if !r.IsNull() {
			return "expected null"
		}
	case "boolean":
		if r.Kind != syntax.Scalar || r.Tag() != "!!bool" {
			return "expected true or false"
		}
	case "int", "long":
		i, ok := integerOf(r)
		if !ok {
			return "expected a whole number"
		}
		if t.kind == "int" && (i < math.MinInt32 || i > math.MaxInt32) {
			return "out of the range of an int (32 bits)"
		}
		if t.kind == "long" && (i < -(1<<53-1) || i > 1<<53-1) {
			return "out of the range a long default can hold exactly"
		}
	case "float", "double":
		if r.Kind != syntax.Scalar || (r.Tag() != "!!int" && r.Tag() != "!!float") || r.Quoted {
			return "expected a number"
		}
	case "string", "bytes", "enum", "fixed":
		if r.Kind != syntax.Scalar || r.IsNull() || (r.Tag() != "!!str" && !r.Quoted) {
			return "expected a string"
		}
		switch {
		case t.kind == "enum" && !slices.Contains(t.symbols, r.Value):
			return "expected one of " + strings.Join(t.symbols, ", ")
		case t.kind == "fixed" && len(utf16.Encode([]rune(r.Value))) != t.size:
			return fmt.Sprintf("expected a string of %d characters (one per byte)", t.size)
		}
	case "array":
		if r.Kind != syntax.Sequence {
			return "expected a list"
		}
		for _, it := range r.Items {
			if why := avroDefaultProblem(t.items, it); why != "" {
				return "an item: " + why
			}
		}
	case "map":
		if r.Kind != syntax.Mapping {
			return "expected an object"
		}
		for _, p := range r.Pairs {
			if why := avroDefaultProblem(t.items, p.Value); why != "" {
				return "at " + strconv.Quote(p.Key.Value) + ": " + why
			}
		}
	case "record":
		if r.Kind != syntax.Mapping {
			return "expected an object"
		}
		for _, f := range t.fields {
			fv := r.Get(f.name)
			switch {
			case f.typ == nil:
			case fv == nil && f.hasDefault:
			case fv == nil:
				return "the field " + strconv.Quote(f.name) + " is missing"
			default:
				if why := avroDefaultProblem(f.typ, fv); why != "" {
					return "at " + strconv.Quote(f.name) + ": " + why
				}
			}
		}
	}
	return ""
}

// integerOf reads a whole number (1 and 1.0 alike, as JSON readers do).
func integerOf(n *syntax.Node) (int64, bool) {
	f, ok := numberOf(n)
	if !ok || f != math.Trunc(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return int64(f), true
}

// isFalsy: avsc tests "items" and "values" for truth, so 0, "" and false
// count as missing.
func isFalsy(n *syntax.Node) bool {
	r := n.Resolve()
	if r == nil || r.Kind != syntax.Scalar {
		return false
	}
	switch r.Tag() {
	case "!!bool":
		return r.Value == "false"
	case "!!int", "!!float":
		f, err := strconv.ParseFloat(r.Value, 64)
		return err == nil && f == 0
	}
	return r.Value == ""
}

// firstKey is where a problem with a whole object goes: its first key.
func firstKey(n *syntax.Node) *syntax.Node {
	if r := n.Resolve(); r != nil && r.Kind == syntax.Mapping && len(r.Pairs) > 0 {
		return r.Pairs[0].Key
	}
	return n
}

func sortStrings(s []string) { slices.Sort(s) }
