package schemas

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Shape is the form a value takes, as completion inserts it: "key:\n  ", "key:\n  - " or "key: ".
type Shape int

const (
	ShapeAny    Shape = iota // unknown, or several forms allowed
	ShapeObject              // a mapping
	ShapeArray               // a sequence
	ShapeScalar              // a string, number, boolean or null
)

func (s Shape) String() string {
	return [...]string{"any", "object", "array", "scalar"}[s]
}

// Model is what the schema of a version says about one place of a document. Everything in it comes
// from the official schemas; it is built by At.
type Model struct {
	Version string
	Path    []string

	Title       string
	Description string   // the description the schema gives this place (CommonMark)
	Object      string   // the object found here when it is one the specification names: "a channel", "info"
	Types       []string // allowed JSON types: "object", "array", "string", "number", "integer", "boolean", "null"
	Shape       Shape
	Enum        []any // the only values allowed
	Suggested   []any // values worth offering that are not the only ones allowed (schemaFormat, format)
	Const       any
	HasConst    bool
	Default     any
	HasDefault  bool
	Examples    []any
	Deprecated  bool
	DocURL      string // the specification section of this field or object
	RefOnly     bool   // the value must be a Reference Object ({"$ref": ...})
	AllowsRef   bool   // a Reference Object is one of the allowed values
	IsSchema    bool   // an AsyncAPI Schema Object / JSON Schema: Keys lists the JSON Schema keywords
	Binding     string // inside a binding: the definition used, e.g. "amqp channel binding 0.2.0"

	sp     *spec
	nodes  []*node // the schemas applying here, before their applicators are followed
	leaves []*node // the same with $ref, allOf, the chosen oneOf/anyOf branches and if/then/else followed
}

// Key is one property an object may have here.
type Key struct {
	Name     string
	Required bool
	*Model   // what the schema says about the key's value
}

// At returns the model of the place at path (unescaped JSON-pointer tokens) in doc, a document of
// version decoded as for Validate. The place need not exist in doc yet: completion asks about keys
// still to be written. Where the schema lets several alternatives apply (oneOf, anyOf, if/then), the
// value in doc chooses between them when it can. At returns nil for an unsupported version or a path
// the schema has nothing to say about (e.g. under an unknown key).
func At(version string, doc any, path []string) *Model {
	sp, err := load(version)
	if err != nil {
		return nil
	}
	return sp.walk([]*node{sp.root}, doc, true, slices.Clone(path))
}

// walk follows path from nodes, the schemas of the value v, to the model of
// the place it leads to.
func (sp *spec) walk(nodes []*node, v any, present bool, path []string) *Model {
	for i := 0; ; i++ {
		leaves := expand(nodes, v, present)
		if i == len(path) {
			return sp.model(path, nodes, leaves)
		}
		tok := path[i]
		var next []*node
		for _, l := range leaves {
			next = appendNew(next, l.childrenFor(tok)...)
		}
		if len(next) == 0 {
			return nil
		}
		nodes = next
		v, present = member(v, present, tok)
	}
}

// Describe returns the model at path as Markdown for hover ("" when the schema says nothing there).
func Describe(version string, doc any, path []string) string {
	m := At(version, doc, path)
	if m == nil {
		return ""
	}
	return m.Markdown()
}

func member(v any, present bool, tok string) (any, bool) {
	if !present {
		return nil, false
	}
	switch x := v.(type) {
	case map[string]any:
		e, ok := x[tok]
		return e, ok
	case []any:
		i, err := strconv.Atoi(tok)
		if err != nil || i < 0 || i >= len(x) {
			return nil, false
		}
		return x[i], true
	}
	return nil, false
}

func appendNew(list []*node, ns ...*node) []*node {
	for _, n := range ns {
		if n != nil && !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}

// childrenFor returns the schemas n itself gives a member named tok: a property, or an array item.
func (n *node) childrenFor(tok string) []*node {
	out := n.child(tok)
	if i, err := strconv.Atoi(tok); err == nil && i >= 0 {
		switch {
		case n.items != nil:
			out = append(out, n.items)
		case i < len(n.tuple):
			out = append(out, n.tuple[i])
		case n.tuple != nil && n.addlItems != nil:
			out = append(out, n.addlItems)
		}
	}
	return out
}

// expand follows $ref, allOf, oneOf/anyOf and if/then/else from nodes, for a value v (present false:
// the value is not written yet). The result keeps the order of discovery, outermost first.
func expand(nodes []*node, v any, present bool) []*node {
	var out []*node
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil || n.boolean != nil || slices.Contains(out, n) {
			return
		}
		out = append(out, n)
		walk(n.ref)
		for _, a := range n.allOf {
			walk(a)
		}
		for _, b := range pickBranches(n.anyOf, v, present) {
			walk(b)
		}
		for _, b := range pickBranches(n.oneOf, v, present) {
			walk(b)
		}
		if n.ifN != nil {
			probe := v
			if !present || v == nil {
				// Conditions read an object's keys: judge a value yet to write (or left empty) as {}.
				probe = map[string]any{}
			}
			c := &checker{}
			if c.valid(n.ifN, probe) {
				walk(n.thenN)
			} else {
				walk(n.elseN)
			}
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

// pickBranches chooses the oneOf/anyOf branches that apply to v: all of them while nothing (or an
// empty object) is written, else those v is valid against, else those that fit it best.
func pickBranches(branches []*node, v any, present bool) []*node {
	if len(branches) == 0 {
		return nil
	}
	if m, ok := v.(map[string]any); !present || (ok && len(m) == 0) {
		return branches
	}
	fit := fittingBranches(branches, v)
	if len(fit) == 0 {
		return branches
	}
	var valid []*node
	c := &checker{}
	for _, i := range fit {
		if c.valid(branches[i], v) {
			valid = append(valid, branches[i])
		}
	}
	if len(valid) > 0 {
		return valid
	}
	best, bestScore := []*node(nil), 0
	for _, i := range fit {
		s := fitScore(branches[i], v)
		switch {
		case best == nil || s > bestScore:
			best, bestScore = []*node{branches[i]}, s
		case s == bestScore:
			best = append(best, branches[i])
		}
	}
	return best
}

// model summarises what the leaves say about one place.
func (sp *spec) model(path []string, nodes, leaves []*node) *Model {
	m := &Model{Version: sp.version, Path: path, sp: sp, nodes: nodes, leaves: leaves}
	m.RefOnly = len(nodes) > 0
	for _, n := range nodes {
		if !n.flat.isRef {
			m.RefOnly = false
		}
	}
	// A Reference Object alternative says nothing about the object written in full: its leaves are
	// skipped unless a reference is all there is (the value is one, or must be one).
	skipRefs := false
	for _, l := range leaves {
		if !l.flat.isRef && (l.types != 0 || l.props != nil || l.description != "") {
			skipRefs = !m.RefOnly
		}
	}
	var types typeMask
	enforced := true
	var enum, suggested []any
	var objectDef *node
	for _, l := range leaves {
		if l.flat.isRef {
			m.AllowsRef = true
		}
		if l.def != nil && l.def.isDraft && l.defRel == "" {
			m.IsSchema = true
		}
		if l.deprecated {
			m.Deprecated = true
		}
		if l.flat.isRef && skipRefs {
			continue
		}
		if objectDef == nil && l.defRoot && l.def.noun != "" && !l.def.isDraft && !l.def.quiet && !l.flat.isRef {
			objectDef = l
		}
		// Skipped: the root of the draft-07 meta-schema ("Core schema meta-schema"), and the notes on
		// if/then switches ("If no bindingVersion specified, use the latest binding").
		if !(l.def != nil && l.defRoot && (l.def.quiet || l.def.isDraft)) && l.ifN == nil {
			if m.Description == "" {
				m.Description = l.description
			}
			if m.Title == "" {
				m.Title = l.title
			}
		}
		types |= l.types | valueTypes(l)
		if l.enum != nil || l.konst != nil {
			enum = appendValues(enum, l.enum...)
			if l.konst != nil {
				enum = appendValues(enum, *l.konst)
				if !m.HasConst {
					m.Const, m.HasConst = *l.konst, true
				}
			}
		} else if l.types != 0 {
			enforced = false
		}
		if l.dflt != nil && !m.HasDefault {
			m.Default, m.HasDefault = *l.dflt, true
		}
		if m.Examples == nil {
			m.Examples = l.examples
		}
		if l.def != nil && l.def.isDraft && l.defRel == "/properties/format" {
			suggested = appendValues(suggested, stringsToAny(SchemaFormats())...)
		}
	}
	if enforced {
		m.Enum = enum
	} else {
		suggested = appendValues(enum, suggested...)
	}
	m.Suggested = suggested
	if types&tNumber != 0 {
		types &^= tInteger
	}
	m.Types = types.names()
	m.Shape = shapeOf(types)
	if objectDef != nil {
		m.Object = objectDef.def.noun
		m.DocURL = objectDef.docURL()
	}
	if m.DocURL == "" && len(nodes) > 0 {
		m.DocURL = nodes[0].docURL()
	}
	return m
}

func shapeOf(t typeMask) Shape {
	obj, arr := t&tObject != 0, t&tArray != 0
	scalars := t &^ (tObject | tArray | tNull | tBoolean)
	switch {
	case t == 0 || (obj && arr):
		return ShapeAny
	case obj && scalars == 0:
		return ShapeObject // true and false are schemas too, seldom written
	case arr && scalars == 0:
		return ShapeArray
	case !obj && !arr:
		return ShapeScalar
	}
	return ShapeAny
}

func appendValues(list []any, vals ...any) []any {
	for _, v := range vals {
		if !inEnum(v, list) {
			list = append(list, v)
		}
	}
	return list
}

func stringsToAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Keys lists the properties an object may have here, sorted by name. "$ref" is among them where a
// Reference Object is allowed; x- extensions are not (see Extensions).
func (m *Model) Keys() []Key {
	children := map[string][]*node{}
	required := map[string]bool{}
	for _, l := range m.leaves {
		// A Reference Object alternative adds its "$ref" key, required only where nothing else goes.
		isRef := l.flat.isRef
		for name, c := range l.props {
			if !isRef || name == "$ref" {
				children[name] = appendNew(children[name], c)
			}
		}
		for _, r := range l.required {
			if !isRef || m.RefOnly {
				required[r] = true
			}
		}
	}
	names := sortedKeys(children)
	keys := make([]Key, 0, len(names))
	for _, name := range names {
		nodes := children[name]
		km := m.sp.model(appendPath(m.Path, name), nodes, expand(nodes, nil, false))
		km.inherit(m)
		keys = append(keys, Key{Name: name, Required: required[name], Model: km})
	}
	return keys
}

// Key returns what the schema says about one property here (nil if the object cannot have it).
func (m *Model) Key(name string) *Model {
	var nodes []*node
	for _, l := range m.leaves {
		nodes = appendNew(nodes, l.childrenFor(name)...)
	}
	if len(nodes) == 0 {
		return nil
	}
	km := m.sp.model(appendPath(m.Path, name), nodes, expand(nodes, nil, false))
	km.inherit(m)
	return km
}

// inherit carries what a model of a member keeps from its parent's: the
// binding it is inside.
func (m *Model) inherit(parent *Model) {
	if parent.Binding != "" && m.inBindingDef() {
		m.Binding, m.DocURL = parent.Binding, parent.DocURL
	}
}

// Extensions reports whether specification extensions (keys starting with "x-") are allowed here.
func (m *Model) Extensions() bool {
	for _, l := range m.leaves {
		for _, p := range l.patterns {
			if p.isExtension() {
				return true
			}
		}
	}
	return false
}

// NamePatterns lists the regular expressions (ECMAScript syntax, as in the schema) that names of a
// map-like object must match here, x- extensions aside.
func (m *Model) NamePatterns() []string {
	var out []string
	for _, l := range m.leaves {
		for _, p := range l.patterns {
			if !p.isExtension() && !slices.Contains(out, p.src) {
				out = append(out, p.src)
			}
		}
	}
	sort.Strings(out)
	return out
}

// AnyName reports whether the object here is map-like: its keys are names the author chooses
// (channels, components.messages, ...), given by additionalProperties or name patterns.
func (m *Model) AnyName() bool {
	for _, l := range m.leaves {
		if l.flat.isRef && !m.RefOnly {
			continue
		}
		if l.addl != nil {
			return true
		}
		for _, p := range l.patterns {
			if !p.isExtension() {
				return true
			}
		}
	}
	return false
}

// SchemaFormats lists the values of "format" that JSON Schema draft-07 defines (section 7.3 of its
// validation vocabulary), for completion inside schemas.
func SchemaFormats() []string {
	return []string{
		"date", "date-time", "email", "hostname", "idn-email", "idn-hostname", "ipv4", "ipv6", "iri",
		"iri-reference", "json-pointer", "regex", "relative-json-pointer", "time", "uri", "uri-reference",
		"uri-template",
	}
}

// Markdown renders the model for hover: the description, then type, allowed values, default and a
// link to the specification.
func (m *Model) Markdown() string {
	var b strings.Builder
	if m.Title != "" {
		fmt.Fprintf(&b, "**%s**\n\n", m.Title)
	}
	if m.Description != "" {
		b.WriteString(m.Description)
		b.WriteString("\n\n")
	}
	var facts []string
	if m.RefOnly {
		facts = append(facts, "Reference (`$ref`) only")
	} else if len(m.Types) > 0 {
		facts = append(facts, "Type: `"+strings.Join(m.Types, "` | `")+"`")
	}
	if len(m.Enum) > 0 {
		vals := make([]string, len(m.Enum))
		for i, v := range m.Enum {
			vals[i] = "`" + listValue(v) + "`"
		}
		facts = append(facts, "Allowed: "+strings.Join(vals, ", "))
	}
	if m.HasDefault {
		facts = append(facts, "Default: `"+listValue(m.Default)+"`")
	}
	if m.Deprecated {
		facts = append(facts, "Deprecated")
	}
	if len(facts) > 0 {
		b.WriteString(strings.Join(facts, " · "))
		b.WriteString("\n\n")
	}
	switch {
	case m.Binding != "" && m.DocURL != "":
		fmt.Fprintf(&b, "[%s](%s)\n", m.Binding, m.DocURL)
	case m.DocURL != "":
		fmt.Fprintf(&b, "[AsyncAPI %s specification](%s)\n", m.Version, m.DocURL)
	}
	return strings.TrimSpace(b.String())
}
