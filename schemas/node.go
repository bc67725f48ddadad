package schemas

import (
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"asyncapi-ls/jsonpointer"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// spec is one version's schema, compiled by santhosh-tekuri/jsonschema and converted into a graph of
// nodes that the validator and the model walk. The graph is immutable once built, so it is shared by
// all goroutines without locks.
type spec struct {
	version string
	root    *node
	prefix  string // location prefix of schemas inside the bundle: bundleURL + "#"
	// bindingRoots holds the binding definitions by id (bindingHost only),
	// carried marks those defined here rather than by the bundle.
	bindingRoots map[string]*node
	carried      map[string]bool
	// separable remembers Separable's answers by path: the
	// incremental analysis asks again for every split mapping after every
	// edit. At most maxSeparable answers are kept.
	separable  sync.Map
	separables atomic.Int32
}

const maxSeparable = 1 << 14

// typeMask is a set of JSON types.
type typeMask uint8

const (
	tNull typeMask = 1 << iota
	tBoolean
	tNumber
	tInteger
	tString
	tArray
	tObject
)

var typeNames = []struct {
	t    typeMask
	name string
}{
	{tObject, "object"}, {tArray, "array"}, {tString, "string"}, {tNumber, "number"},
	{tInteger, "integer"}, {tBoolean, "boolean"}, {tNull, "null"},
}

func typeFromName(s string) typeMask {
	for _, tn := range typeNames {
		if tn.name == s {
			return tn.t
		}
	}
	return 0
}

// names lists the types of the mask in a stable, readable order.
func (m typeMask) names() []string {
	var out []string
	for _, tn := range typeNames {
		if m&tn.t != 0 {
			out = append(out, tn.name)
		}
	}
	return out
}

// node is one compiled (sub)schema with the keywords draft-07 asserts and the annotations the model shows.
type node struct {
	sp      *spec
	loc     string   // JSON pointer inside the bundle, or the full location for schemas outside it
	def     *defInfo // the definition this schema belongs to (nil: none known)
	defRel  string   // the pointer of the schema inside def ("" at its root)
	defRoot bool     // the schema describes def's object itself: defRel holds only allOf/anyOf/oneOf/then/else steps

	boolean *bool // a boolean schema
	ref     *node // $ref: in draft-07 every other keyword beside it is ignored

	types  typeMask
	enum   []any
	konst  *any
	format *jsonschema.Format

	allOf, anyOf, oneOf []*node
	not                 *node
	ifN, thenN, elseN   *node

	minProps, maxProps int // -1 when absent
	required           []string
	props              map[string]*node
	patterns           []*pattern
	addl               *node // additionalProperties as a schema
	addlFalse          bool  // additionalProperties: false
	deps               map[string]any
	propNames          *node

	minItems, maxItems int
	unique             bool
	items              *node   // items as one schema
	tuple              []*node // items as an array
	addlItems          *node
	addlItemsFalse     bool
	contains           *node

	minLen, maxLen int
	pattern        jsonschema.Regexp

	minimum, maximum, exclMin, exclMax, multipleOf *big.Rat

	// annotations, read from the bundle (the compiler drops those beside a $ref)
	title, description string
	dflt               *any
	examples           []any
	deprecated         bool

	flat *flatInfo // the node with its $ref and allOf chain merged, for choosing oneOf/anyOf branches
}

type pattern struct {
	re     jsonschema.Regexp
	src    string
	prefix string // a literal every match starts with, checked before running the expression
	n      *node
}

func (p *pattern) match(s string) bool {
	if !strings.HasPrefix(s, p.prefix) {
		return false
	}
	return p.re.MatchString(s)
}

// isExtension reports whether the pattern is the one of specification extensions (x-...).
func (p *pattern) isExtension() bool { return strings.HasPrefix(p.src, "^x-") }

// build turns the compiled bundle (and the carried binding definitions,
// for bindingHost) into the node graph.
func build(version string, root *jsonschema.Schema, raw any, carried map[string]*jsonschema.Schema) *spec {
	sp := &spec{version: version, prefix: bundleURL(version) + "#"}
	b := &builder{sp: sp, raw: raw, memo: map[*jsonschema.Schema]*node{}}
	sp.root = b.node(root)
	if carried != nil {
		sp.bindingRoots, sp.carried = map[string]*node{}, map[string]bool{}
		for id, s := range carried {
			sp.bindingRoots[id], sp.carried[id] = b.node(s), true
		}
		for _, n := range b.all {
			if id, ok := strings.CutPrefix(n.loc, "/definitions/"); ok && !strings.Contains(id, "/") {
				if id = jsonpointer.Unescape(id); strings.HasPrefix(id, bindingIDPrefix) {
					sp.bindingRoots[id] = n
				}
			}
		}
	}
	for _, n := range b.all {
		n.flat = b.flatten(n)
	}
	return sp
}

type builder struct {
	sp   *spec
	raw  any // the bundle as decoded JSON, for annotations the compiler drops
	memo map[*jsonschema.Schema]*node
	all  []*node
	defs map[string]*defInfo
}

func (b *builder) node(s *jsonschema.Schema) *node {
	if s == nil {
		return nil
	}
	if n, ok := b.memo[s]; ok {
		return n
	}
	n := &node{sp: b.sp, minProps: -1, maxProps: -1, minItems: -1, maxItems: -1, minLen: -1, maxLen: -1}
	b.memo[s] = n
	b.all = append(b.all, n)

	n.loc = s.Location
	if rest, ok := strings.CutPrefix(s.Location, b.sp.prefix); ok {
		n.loc = rest
	}
	n.def, n.defRel = b.defOf(s.Location, n.loc)
	n.defRoot = n.def != nil && onlyApplicatorSteps(n.defRel)
	b.annotate(n, s)

	if s.Bool != nil {
		n.boolean = s.Bool
		return n
	}
	if s.Ref != nil {
		n.ref = b.node(s.Ref)
		return n
	}
	if s.Types != nil {
		for _, t := range s.Types.ToStrings() {
			n.types |= typeFromName(t)
		}
	}
	if s.Enum != nil {
		n.enum = s.Enum.Values
	}
	n.konst = s.Const
	// "regex" is asserted by the official tools with ECMAScript expressions, which Go's RE2 cannot
	// judge (lookarounds, back references): not asserting it avoids false errors.
	if s.Format != nil && s.Format.Name != "regex" {
		n.format = s.Format
	}
	n.allOf = b.nodes(s.AllOf)
	n.anyOf = b.nodes(s.AnyOf)
	n.oneOf = b.nodes(s.OneOf)
	n.not = b.node(s.Not)
	n.ifN, n.thenN, n.elseN = b.node(s.If), b.node(s.Then), b.node(s.Else)

	if s.MinProperties != nil {
		n.minProps = *s.MinProperties
	}
	if s.MaxProperties != nil {
		n.maxProps = *s.MaxProperties
	}
	n.required = s.Required
	if len(s.Properties) > 0 {
		n.props = make(map[string]*node, len(s.Properties))
		for k, ps := range s.Properties {
			n.props[k] = b.node(ps)
		}
	}
	for re, ps := range s.PatternProperties {
		p := &pattern{re: re, src: re.String(), n: b.node(ps)}
		if gre, ok := re.(*regexp.Regexp); ok {
			p.prefix, _ = gre.LiteralPrefix()
		}
		n.patterns = append(n.patterns, p)
	}
	sort.Slice(n.patterns, func(i, j int) bool { return n.patterns[i].src < n.patterns[j].src })
	switch a := s.AdditionalProperties.(type) {
	case bool:
		n.addlFalse = !a
	case *jsonschema.Schema:
		n.addl = b.node(a)
	}
	if len(s.Dependencies) > 0 {
		n.deps = map[string]any{}
		for k, d := range s.Dependencies {
			if ds, ok := d.(*jsonschema.Schema); ok {
				n.deps[k] = b.node(ds)
			} else {
				n.deps[k] = d
			}
		}
	}
	n.propNames = b.node(s.PropertyNames)

	if s.MinItems != nil {
		n.minItems = *s.MinItems
	}
	if s.MaxItems != nil {
		n.maxItems = *s.MaxItems
	}
	n.unique = s.UniqueItems
	switch it := s.Items.(type) {
	case *jsonschema.Schema:
		n.items = b.node(it)
	case []*jsonschema.Schema:
		n.tuple = b.nodes(it)
	}
	switch a := s.AdditionalItems.(type) {
	case bool:
		n.addlItemsFalse = !a
	case *jsonschema.Schema:
		n.addlItems = b.node(a)
	}
	n.contains = b.node(s.Contains)

	if s.MinLength != nil {
		n.minLen = *s.MinLength
	}
	if s.MaxLength != nil {
		n.maxLen = *s.MaxLength
	}
	n.pattern = s.Pattern
	n.minimum, n.maximum = s.Minimum, s.Maximum
	n.exclMin, n.exclMax, n.multipleOf = s.ExclusiveMinimum, s.ExclusiveMaximum, s.MultipleOf
	return n
}

func (b *builder) nodes(ss []*jsonschema.Schema) []*node {
	if len(ss) == 0 {
		return nil
	}
	out := make([]*node, len(ss))
	for i, s := range ss {
		out[i] = b.node(s)
	}
	return out
}

// annotate copies title, description, default, examples and deprecated. They are read from the bundle
// itself, because the compiler ignores every keyword beside a $ref, descriptions included.
func (b *builder) annotate(n *node, s *jsonschema.Schema) {
	n.title, n.description, n.dflt, n.examples, n.deprecated = s.Title, s.Description, s.Default, s.Examples, s.Deprecated
	obj, ok := lookupPointer(b.raw, n.loc).(map[string]any)
	if !ok || n.loc == s.Location {
		return
	}
	if v, ok := obj["title"].(string); ok {
		n.title = v
	}
	if v, ok := obj["description"].(string); ok {
		n.description = v
	}
	if v, ok := obj["default"]; ok {
		n.dflt = &v
	}
	if v, ok := obj["examples"].([]any); ok {
		n.examples = v
	}
	if v, ok := obj["deprecated"].(bool); ok {
		n.deprecated = v
	}
}

// lookupPointer resolves a JSON pointer ("" or "/a/b~1c") in a decoded JSON value; nil when absent.
func lookupPointer(v any, ptr string) any {
	tokens, ok := jsonpointer.Split(ptr)
	if !ok {
		return nil
	}
	for _, tok := range tokens {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// onlyApplicatorSteps reports whether a pointer stays on the same instance: it only goes through
// allOf/anyOf/oneOf members and then/else.
func onlyApplicatorSteps(rel string) bool {
	if rel == "" {
		return true
	}
	toks := strings.Split(rel[1:], "/")
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "allOf", "anyOf", "oneOf":
			i++
		case "then", "else":
		default:
			return false
		}
	}
	return true
}

// flatInfo merges a node with its $ref chain and allOf members: what a oneOf/anyOf branch asks of an
// instance at first sight (types, keys, discriminating values, whether it is a Reference Object).
type flatInfo struct {
	types    typeMask // 0: any type
	members  []*node  // the merged nodes, outermost first
	required []string
	isRef    bool // a Reference Object: requires "$ref"
}

func (b *builder) flatten(n *node) *flatInfo {
	f := &flatInfo{}
	seen := map[*node]bool{}
	var walk func(m *node)
	walk = func(m *node) {
		if m == nil || seen[m] {
			return
		}
		seen[m] = true
		f.members = append(f.members, m)
		if t := m.types | valueTypes(m); t != 0 {
			if f.types == 0 {
				f.types = t
			} else {
				f.types &= t | ifInteger(t)
			}
		}
		for _, r := range m.required {
			if r == "$ref" {
				f.isRef = true
			}
			f.required = append(f.required, r)
		}
		walk(m.ref)
		for _, a := range m.allOf {
			walk(a)
		}
	}
	walk(n)
	return f
}

// valueTypes is the set of types a schema without "type" still restricts values to by enum or const.
func valueTypes(n *node) typeMask {
	if n.types != 0 {
		return 0
	}
	var vals []any
	switch {
	case n.konst != nil:
		vals = []any{*n.konst}
	case n.enum != nil:
		vals = n.enum
	default:
		return 0
	}
	var m typeMask
	for _, v := range vals {
		m |= typeOf(v)
	}
	if m&tNumber != 0 {
		m |= tInteger
	}
	return m
}

// ifInteger widens a mask holding "number" with "integer", integers being numbers.
func ifInteger(m typeMask) typeMask {
	if m&tNumber != 0 {
		return tInteger
	}
	return 0
}

// child returns the schemas that apply to property name of an object validated by n (n itself, not
// its applicators).
func (n *node) child(name string) []*node {
	var out []*node
	matched := false
	if c, ok := n.props[name]; ok {
		out = append(out, c)
		matched = true
	}
	for _, p := range n.patterns {
		if p.match(name) {
			out = append(out, p.n)
			matched = true
		}
	}
	if !matched && n.addl != nil {
		out = append(out, n.addl)
	}
	return out
}

// allows reports whether property name may appear in an object validated by n itself.
func (n *node) allows(name string) bool {
	if !n.addlFalse {
		return true
	}
	if _, ok := n.props[name]; ok {
		return true
	}
	for _, p := range n.patterns {
		if p.match(name) {
			return true
		}
	}
	return false
}
