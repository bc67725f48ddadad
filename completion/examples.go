package completion

import (
	"slices"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/payload"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// exampleSkeleton offers, at a new item of a message's examples, a whole
// example whose payload (and headers) fill in the required properties of
// the message's schemas with placeholders of their types; path is the
// item's. It adds nothing elsewhere, or when the item has keys already.
func (st *state) exampleSkeleton(path []string) {
	n := len(path)
	if n < 3 || path[n-2] != "examples" || len(st.existingKeys(path)) > 0 {
		return
	}
	if _, err := strconv.Atoi(path[n-1]); err != nil {
		return
	}
	msg := st.deref(st.req.Tree.Find(path[:n-2]...))
	if msg == nil || msg.Kind != syntax.Mapping || msg.Get("payload") == nil && msg.Get("headers") == nil {
		return
	}
	sk := &skeleton{st: st, stop: 1}
	var fields []field
	fields = append(fields, str("name", st.placeholder(sk.next(), "example")))
	for _, part := range []string{"headers", "payload"} {
		schema := st.deref(msg.Get(part))
		if part == "payload" && schema != nil && schema.Get("schema") != nil && schema.Get("schemaFormat") != nil {
			if !jsonSchemaFormat(schema.Get("schemaFormat").String()) {
				continue // Avro, Protobuf, …: not a JSON Schema to read
			}
			schema = st.deref(schema.Get("schema"))
		} else if part == "payload" && !jsonSchemaFormat(msg.Get("schemaFormat").String()) {
			continue
		}
		if schema != nil {
			fields = append(fields, sk.value(part, schema, 0))
		}
	}
	st.add(Item{Label: "example from the schemas", Kind: KindSnippet, Detail: "snippet",
		Documentation: "An example whose payload and headers hold the properties the message's schemas require, with placeholders of their types.",
		InsertText:    st.renderItem(fields), Snippet: st.req.Snippets, SortText: "00example", FilterText: st.ctx.Prefix + "example"})
}

// jsonSchemaFormat reports whether a schemaFormat names a JSON Schema (the
// AsyncAPI schema, JSON Schema, OpenAPI), the only kind read here.
func jsonSchemaFormat(schemaFormat string) bool {
	f, _ := payload.Classify(schemaFormat)
	return f == payload.JSONSchema || f == payload.OpenAPI
}

// maxSkeletonDepth and maxSkeletonFields bound what an example holds.
const (
	maxSkeletonDepth  = 4
	maxSkeletonFields = 30
)

// skeleton builds example values from schemas, numbering tab stops.
type skeleton struct {
	st     *state
	stop   int
	fields int
}

func (sk *skeleton) next() int {
	sk.stop++
	return sk.stop - 1
}

// value is the example field key for schema: an object of its required
// properties (all of them when it requires none), or a placeholder of its
// type.
func (sk *skeleton) value(key string, schema *syntax.Node, depth int) field {
	schema = sk.st.deref(schema)
	props, required := sk.properties(schema, 0)
	if len(props) == 0 || depth >= maxSkeletonDepth {
		text, raw := sk.scalar(schema)
		return field{key: key, value: text, raw: raw}
	}
	// The required properties in the order the schema lists them (all of
	// them when it requires none), then required ones it does not list.
	var names []string
	for _, p := range props {
		if (len(required) == 0 || slices.Contains(required, p.Key.Value)) && !slices.Contains(names, p.Key.Value) {
			names = append(names, p.Key.Value)
		}
	}
	for _, r := range required {
		if !slices.Contains(names, r) {
			names = append(names, r)
		}
	}
	f := field{key: key, object: true}
	for _, name := range names {
		if sk.fields >= maxSkeletonFields {
			break
		}
		sk.fields++
		var prop *syntax.Node
		for _, p := range props {
			if p.Key.Value == name {
				prop = p.Value
			}
		}
		f.children = append(f.children, sk.value(name, prop, depth+1))
	}
	return f
}

// properties gathers the properties and required names of an object
// schema, through allOf and the first oneOf/anyOf branch.
func (sk *skeleton) properties(schema *syntax.Node, hops int) ([]syntax.Pair, []string) {
	schema = sk.st.deref(schema)
	if schema == nil || schema.Kind != syntax.Mapping || hops > 8 {
		return nil, nil
	}
	props := slices.Clone(schema.Get("properties").PairsOrNil())
	var required []string
	for _, r := range itemsOrNil(schema.Get("required")) {
		required = append(required, r.String())
	}
	var parts []*syntax.Node
	parts = append(parts, itemsOrNil(schema.Get("allOf"))...)
	for _, alt := range []string{"oneOf", "anyOf"} {
		if items := itemsOrNil(schema.Get(alt)); len(items) > 0 {
			parts = append(parts, items[0])
		}
	}
	for _, part := range parts {
		p, r := sk.properties(part, hops+1)
		props, required = append(props, p...), append(required, r...)
	}
	return props, required
}

// scalar is the placeholder of a value of schema: its const, default,
// first example or enum value, else one of its type.
func (sk *skeleton) scalar(schema *syntax.Node) (text string, raw bool) {
	literal := func(n *syntax.Node) (string, bool, bool) {
		n = n.Resolve()
		if n == nil || n.Kind != syntax.Scalar || n.IsNull() {
			return "", false, false
		}
		return n.Value, n.Tag() != "!!str", true
	}
	for _, n := range []*syntax.Node{schema.Get("const"), schema.Get("default"), first(schema.Get("examples")), schema.Get("example"), first(schema.Get("enum"))} {
		if v, raw, ok := literal(n); ok {
			if raw {
				return sk.st.placeholder(sk.next(), v), true
			}
			return sk.text(v), true
		}
	}
	switch typeOf(schema) {
	case "integer", "number":
		return sk.st.placeholder(sk.next(), "0"), true
	case "boolean":
		return sk.st.choice(sk.next(), "false", "true"), true
	case "array":
		return "[]", true
	case "object":
		return "{}", true
	case "null":
		return "null", true
	}
	switch schema.Get("format").String() {
	case "date-time":
		return sk.text("2024-01-01T00:00:00Z"), true
	case "date":
		return sk.text("2024-01-01"), true
	case "email":
		return sk.text("user@example.com"), true
	case "uuid":
		return sk.text("00000000-0000-0000-0000-000000000000"), true
	case "uri", "url":
		return sk.text("https://example.com"), true
	}
	return sk.text("string"), true
}

// text is a string placeholder written as the notation needs it: quoted in
// JSON, and in YAML when the plain text would not read back as a string.
func (sk *skeleton) text(s string) string {
	ph := sk.st.placeholder(sk.next(), s)
	switch {
	case sk.st.req.Format == syntax.JSON || sk.st.ctx.Flow:
		return `"` + ph + `"`
	case sk.st.needsQuotes(s):
		return "'" + ph + "'"
	}
	return ph
}

// typeOf is a schema's type, the first non-null one of a list.
func typeOf(schema *syntax.Node) string {
	t := schema.Get("type").Resolve()
	if t == nil {
		return ""
	}
	if t.Kind == syntax.Sequence {
		for _, it := range t.Items {
			if it.String() != "null" {
				return it.String()
			}
		}
		return ""
	}
	return t.String()
}

func first(n *syntax.Node) *syntax.Node {
	if items := itemsOrNil(n); len(items) > 0 {
		return items[0]
	}
	return nil
}

func itemsOrNil(n *syntax.Node) []*syntax.Node {
	if n = n.Resolve(); n == nil || n.Kind != syntax.Sequence {
		return nil
	}
	return n.Items
}

// deref follows a chain of local references ("$ref": "#/…") from n.
func (st *state) deref(n *syntax.Node) *syntax.Node {
	for hops := 0; hops < 16; hops++ {
		n = n.Resolve()
		ref := n.Get("$ref").String()
		if !strings.HasPrefix(ref, "#") {
			return n
		}
		r, err := refs.Parse(ref)
		if err != nil {
			return nil
		}
		t, err := refs.Find(st.req.Tree, r.Pointer)
		if err != nil {
			return nil
		}
		n = t.Value
	}
	return nil
}

// renderItem writes fields as a new sequence item's mapping: YAML lines
// under the "- ", or a JSON object.
func (st *state) renderItem(fields []field) string {
	if st.req.Format == syntax.JSON || st.ctx.Flow {
		whole := obj("", fields...)
		text := whole.json(lineIndent(st.req.Text, st.ctx.ReplaceStart))
		text = strings.TrimPrefix(text, `"": `)
		if st.req.Format == syntax.YAML {
			return text // flow YAML reads JSON
		}
		return st.memberSeparators(text)
	}
	var lines []string
	for i, f := range fields {
		text := f.yaml(st.indent(0))
		if i == 0 {
			text = text[len(st.indent(0)):]
		}
		lines = append(lines, text)
	}
	return strings.Join(lines, "\n")
}
