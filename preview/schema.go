package preview

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// Limits that keep a schema tree readable and the page small: a schema that
// contains itself stops at the repeat, a very deep or very wide one is cut.
const (
	maxSchemaDepth = 14
	maxSchemaNodes = 1500 // per tree
	openDepth      = 2    // levels shown expanded at first
)

// schemaTrees builds the trees of one page. Schemas are drawn from their
// text: the model keeps a schema's value as written (it does not model
// schema content), and "$ref"s inside follow the page's loader.
type schemaTrees struct {
	load refs.Loader
	// named maps the place of a component schema to its section's anchor,
	// so a "$ref" to it links there.
	named map[string]string
	// drawn shares the tree of a schema value among its uses (the headers
	// of every message that takes them from one trait), so that it is built
	// and rendered once.
	drawn map[treeKey]*SchemaNode
}

type treeKey struct {
	uri  string
	n    *syntax.Node
	avro bool
}

// schemaWalk is one tree being built.
type schemaWalk struct {
	*schemaTrees
	left  int
	stack []string // places of the schemas being expanded (cycle check)
}

// tree draws the schema value n written in file uri. avro selects the Avro
// reading of the value.
func (t *schemaTrees) tree(uri string, n *syntax.Node, avro bool) *SchemaNode {
	if n == nil {
		return nil
	}
	key := treeKey{uri, n, avro}
	if root, ok := t.drawn[key]; ok {
		return root
	}
	w := &schemaWalk{schemaTrees: t, left: maxSchemaNodes}
	var root *SchemaNode
	if avro {
		root = w.avro(uri, n, "", map[string]bool{}, 0)
	} else {
		root = w.json(uri, n, 0)
		root.Open = true
	}
	if t.drawn == nil {
		t.drawn = map[treeKey]*SchemaNode{}
	}
	t.drawn[key] = root
	return root
}

// follow resolves a "$ref" object with the model's one way of following
// references: the target, its file, its place and the name it is known
// by; ok is false when n is no reference.
func (w *schemaWalk) follow(uri string, n *syntax.Node) (target *syntax.Node, targetURI, place, name string, ok bool, err error) {
	ref := refs.RefNode(n)
	if ref == nil {
		return nil, "", "", "", false, nil
	}
	value, loc, r := model.Follow(w.load, model.Location{URI: uri}, n)
	name = ref.Resolve().Value
	if len(r.Key.Tokens) > 0 {
		name = r.Key.Tokens[len(r.Key.Tokens)-1]
	}
	if r.Err != nil {
		return nil, "", "", name, true, r.Err
	}
	return value.Resolve(), loc.URI, loc.String(), name, true, nil
}

// json draws a JSON Schema (the AsyncAPI schema, OpenAPI's and RAML's read
// alike).
func (w *schemaWalk) json(uri string, n *syntax.Node, depth int) *SchemaNode {
	w.left--
	out := &SchemaNode{Open: depth < openDepth}
	n = n.Resolve()
	if target, turi, place, name, ok, err := w.follow(uri, n); ok {
		out.RefName, out.RefID = name, w.named[place]
		if err != nil {
			out.Type = "unresolved"
			out.Constraints = append(out.Constraints, KeyValue{"$ref", refs.RefNode(n).Resolve().Value})
			return out
		}
		for _, s := range w.stack {
			if s == place {
				out.Recursive = true
				out.Type = typeOf(target)
				return out
			}
		}
		// A named schema below the root is drawn in its own section: here
		// it is a row that the page's script fills from there when opened,
		// so that the page holds each named schema once.
		if out.RefID != "" && depth > 0 && hasChildren(target) {
			out.Type, out.Format = typeOf(target), scalarText(target.Get("format"))
			out.Lazy, out.Open = out.RefID, false
			return out
		}
		w.stack = append(w.stack, place)
		defer func() { w.stack = w.stack[:len(w.stack)-1] }()
		n, uri = target, turi
	}
	if n == nil {
		out.Type = "any"
		return out
	}
	switch n.Kind {
	case syntax.Scalar:
		switch n.Value {
		case "true":
			out.Type = "any"
		case "false":
			out.Type = "nothing (false)"
		default:
			out.Type = "invalid schema"
		}
		return out
	case syntax.Sequence:
		out.Type = "invalid schema"
		return out
	}
	out.Type = typeOf(n)
	out.Format = scalarText(n.Get("format"))
	desc := scalarText(n.Get("description"))
	if title := scalarText(n.Get("title")); title != "" {
		desc = "**" + escapeMarkdown(title) + "**" + sep(desc, "\n\n") + desc
	}
	out.Description = Markdown(desc)
	for _, f := range []struct{ key, label string }{
		{"deprecated", "deprecated"}, {"readOnly", "read-only"}, {"writeOnly", "write-only"}, {"nullable", "nullable"},
	} {
		if v := n.Get(f.key).Resolve(); v != nil && v.Value == "true" {
			out.Flags = append(out.Flags, f.label)
		}
	}
	for _, k := range []string{"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
		"minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties",
		"maxProperties", "contentEncoding", "contentMediaType", "discriminator"} {
		if v := n.Get(k); v != nil {
			out.Constraints = append(out.Constraints, KeyValue{k, valueText(v)})
		}
	}
	if ap := n.Get("additionalProperties").Resolve(); ap != nil && ap.Kind == syntax.Scalar && ap.Value == "false" {
		out.Constraints = append(out.Constraints, KeyValue{"additional properties", "none"})
	}
	if e := n.Get("enum").Resolve(); e != nil && e.Kind == syntax.Sequence {
		for _, it := range e.Items {
			out.Enum = append(out.Enum, valueText(it))
		}
	}
	if c := n.Get("const"); c != nil {
		out.Const = valueText(c)
	}
	if d := n.Get("default"); d != nil {
		out.Default = valueText(d)
	}
	if ex := n.Get("examples").Resolve(); ex != nil && ex.Kind == syntax.Sequence {
		for _, it := range ex.Items {
			out.Examples = append(out.Examples, valueText(it))
		}
	} else if ex := n.Get("example"); ex != nil {
		out.Examples = append(out.Examples, valueText(ex))
	}
	if depth >= maxSchemaDepth || w.left <= 0 {
		if hasChildren(n) {
			out.Truncated = true
		}
		return out
	}
	required := map[string]bool{}
	if r := n.Get("required").Resolve(); r != nil && r.Kind == syntax.Sequence {
		for _, it := range r.Items {
			required[it.Resolve().Value] = true
		}
	}
	add := func(c *SchemaNode) { out.Children = append(out.Children, c) }
	if props := n.Get("properties").Resolve(); props != nil && props.Kind == syntax.Mapping {
		for _, p := range props.Pairs {
			if w.left <= 0 {
				out.Truncated = true
				break
			}
			c := w.json(uri, p.Value, depth+1)
			c.Name, c.Required = p.Key.Value, required[p.Key.Value]
			add(c)
		}
	}
	if pp := n.Get("patternProperties").Resolve(); pp != nil && pp.Kind == syntax.Mapping {
		for _, p := range pp.Pairs {
			c := w.json(uri, p.Value, depth+1)
			c.Role = "properties matching /" + p.Key.Value + "/"
			add(c)
		}
	}
	if ap := n.Get("additionalProperties").Resolve(); ap != nil && ap.Kind == syntax.Mapping {
		c := w.json(uri, ap, depth+1)
		c.Role = "additional properties"
		add(c)
	}
	switch items := n.Get("items").Resolve(); {
	case items == nil:
	case items.Kind == syntax.Sequence:
		for i, it := range items.Items {
			c := w.json(uri, it, depth+1)
			c.Role = "item " + strconv.Itoa(i+1)
			add(c)
		}
	default:
		c := w.json(uri, items, depth+1)
		c.Role = "items"
		add(c)
	}
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		if list := n.Get(k).Resolve(); list != nil && list.Kind == syntax.Sequence {
			for i, it := range list.Items {
				c := w.json(uri, it, depth+1)
				c.Role = k + " " + strconv.Itoa(i+1)
				add(c)
			}
		}
	}
	for _, k := range []string{"not", "if", "then", "else", "contains", "propertyNames", "additionalItems"} {
		if v := n.Get(k).Resolve(); v != nil && v.Kind == syntax.Mapping {
			c := w.json(uri, v, depth+1)
			c.Role = k
			add(c)
		}
	}
	return out
}

// typeOf names a JSON Schema's type as a reader would say it.
func typeOf(n *syntax.Node) string {
	n = n.Resolve()
	if n == nil || n.Kind != syntax.Mapping {
		return "any"
	}
	t := n.Get("type").Resolve()
	var types []string
	switch {
	case t == nil:
	case t.Kind == syntax.Sequence:
		for _, it := range t.Items {
			types = append(types, it.Resolve().Value)
		}
	default:
		types = []string{t.Value}
	}
	if len(types) == 1 && types[0] == "array" {
		if items := n.Get("items").Resolve(); items != nil && items.Kind == syntax.Mapping {
			inner := typeOf(items)
			if ref := refs.RefNode(items); ref != nil {
				inner = lastToken(ref.Resolve().Value)
			}
			return "array of " + inner
		}
	}
	if len(types) > 0 {
		return strings.Join(types, " | ")
	}
	switch {
	case n.Get("properties") != nil || n.Get("additionalProperties") != nil:
		return "object"
	case n.Get("items") != nil:
		return "array"
	case n.Get("oneOf") != nil:
		return "one of"
	case n.Get("anyOf") != nil:
		return "any of"
	case n.Get("allOf") != nil:
		return "all of"
	case n.Get("enum") != nil || n.Get("const") != nil:
		return "value"
	}
	return "any"
}

func hasChildren(n *syntax.Node) bool {
	for _, k := range []string{"properties", "items", "allOf", "oneOf", "anyOf", "additionalProperties", "patternProperties"} {
		if n.Get(k) != nil {
			return true
		}
	}
	return false
}

func lastToken(ref string) string {
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		return refs.UnescapeToken(ref[i+1:])
	}
	return ref
}

// avro draws an Avro schema: records with their fields, enums, arrays,
// maps, fixed and unions; named types already drawn stop as recursive.
func (w *schemaWalk) avro(uri string, n *syntax.Node, namespace string, seen map[string]bool, depth int) *SchemaNode {
	w.left--
	out := &SchemaNode{Open: depth < openDepth}
	n = n.Resolve()
	if n == nil {
		out.Type = "invalid schema"
		return out
	}
	if target, turi, _, name, ok, err := w.follow(uri, n); ok {
		out.RefName = name
		if err != nil {
			out.Type = "unresolved"
			return out
		}
		n, uri = target, turi
	}
	switch n.Kind {
	case syntax.Scalar:
		out.Type = n.Value
		if seen[n.Value] || seen[qualify(namespace, n.Value)] {
			out.Type, out.RefName = "record", n.Value
			out.Recursive = true
		}
		return out
	case syntax.Sequence: // a union
		var names []string
		for _, it := range n.Items {
			c := w.avro(uri, it, namespace, seen, depth+1)
			names = append(names, avroName(it.Resolve(), c))
			if c.Type == "null" {
				continue
			}
			if hasDetail(c) {
				c.Role = "union branch"
				out.Children = append(out.Children, c)
			}
		}
		out.Type = strings.Join(names, " | ")
		return out
	case syntax.Mapping:
	default:
		out.Type = "invalid schema"
		return out
	}
	typ := scalarText(n.Get("type"))
	if t := n.Get("type").Resolve(); t != nil && t.Kind != syntax.Scalar {
		// {"type": {...}} or {"type": [...]} wraps another schema.
		inner := w.avro(uri, t, namespace, seen, depth)
		inner.Description = Markdown(scalarText(n.Get("doc")))
		return inner
	}
	out.Type = typ
	out.Format = scalarText(n.Get("logicalType"))
	out.Description = Markdown(scalarText(n.Get("doc")))
	if ns := scalarText(n.Get("namespace")); ns != "" {
		namespace = ns
	}
	switch typ {
	case "record", "error":
		name := scalarText(n.Get("name"))
		out.Type = typ + " " + name
		full := qualify(namespace, name)
		if seen[full] {
			out.Recursive = true
			return out
		}
		seen[full] = true
		if depth >= maxSchemaDepth {
			out.Truncated = true
			return out
		}
		if fields := n.Get("fields").Resolve(); fields != nil && fields.Kind == syntax.Sequence {
			for _, f := range fields.Items {
				if w.left <= 0 {
					out.Truncated = true
					break
				}
				f = f.Resolve()
				c := w.avro(uri, f.Get("type"), namespace, seen, depth+1)
				c.Name = scalarText(f.Get("name"))
				c.Description = Markdown(scalarText(f.Get("doc")))
				if d := f.Get("default"); d != nil {
					c.Default = valueText(d)
				}
				c.Required = !strings.HasPrefix(c.Type, "null |") && !strings.Contains(c.Type, "| null") && f.Get("default") == nil
				add := c
				out.Children = append(out.Children, add)
			}
		}
	case "enum":
		out.Type = "enum " + scalarText(n.Get("name"))
		if s := n.Get("symbols").Resolve(); s != nil && s.Kind == syntax.Sequence {
			for _, it := range s.Items {
				out.Enum = append(out.Enum, it.Resolve().Value)
			}
		}
		if d := n.Get("default"); d != nil {
			out.Default = valueText(d)
		}
	case "array":
		w.avroContainer(out, uri, n, "items", "array of ", namespace, seen, depth)
	case "map":
		w.avroContainer(out, uri, n, "values", "map of ", namespace, seen, depth)
	case "fixed":
		out.Type = "fixed " + scalarText(n.Get("name"))
		if s := n.Get("size"); s != nil {
			out.Constraints = append(out.Constraints, KeyValue{"size", valueText(s)})
		}
	}
	for _, k := range []string{"precision", "scale"} {
		if v := n.Get(k); v != nil {
			out.Constraints = append(out.Constraints, KeyValue{k, valueText(v)})
		}
	}
	return out
}

// avroContainer draws an array's items or a map's values (key) under out.
func (w *schemaWalk) avroContainer(out *SchemaNode, uri string, n *syntax.Node, key, prefix, namespace string, seen map[string]bool, depth int) {
	c := w.avro(uri, n.Get(key), namespace, seen, depth+1)
	out.Type = prefix + avroName(n.Get(key).Resolve(), c)
	if hasDetail(c) {
		c.Role = key
		out.Children = append(out.Children, c)
	}
}

// hasDetail tells whether a member type has more to show than its name.
func hasDetail(c *SchemaNode) bool { return len(c.Children) > 0 || c.Recursive || len(c.Enum) > 0 }

// avroName is how a union or a container names a member type.
func avroName(n *syntax.Node, drawn *SchemaNode) string {
	if n != nil && n.Kind == syntax.Scalar {
		return n.Value
	}
	return drawn.Type
}

func qualify(namespace, name string) string {
	if namespace == "" || strings.Contains(name, ".") {
		return name
	}
	return namespace + "." + name
}

// scalarText is a scalar's text; "" for anything else.
func scalarText(n *syntax.Node) string {
	n = n.Resolve()
	if n == nil || n.Kind != syntax.Scalar || n.Tag() == "!!null" {
		return ""
	}
	return n.Value
}

// valueText shows a value as JSON: strings quoted, objects compact.
func valueText(n *syntax.Node) string {
	v, err := n.Data()
	if err != nil {
		return "…"
	}
	s, err := encodeJSON(v, "")
	if err != nil {
		return "…"
	}
	if len(s) > 300 {
		s = s[:297] + "…"
	}
	return s
}

// prettyJSON shows an example or a binding as indented JSON, escaped for
// the inside of a <pre> element.
func prettyJSON(n *syntax.Node) template.HTML {
	if n == nil {
		return ""
	}
	v, err := n.Data()
	if err != nil {
		return "(too large to show)"
	}
	s, err := encodeJSON(v, "  ")
	if err != nil {
		return "(cannot be shown)"
	}
	return codeHTML(s)
}

// codeEscaper escapes text for element content. html/template also escapes
// quotes (five bytes each), which element content does not need: code
// blocks full of JSON would double in size.
var codeEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// codeHTML is s escaped for the inside of an element (not an attribute).
func codeHTML(s string) template.HTML { return template.HTML(codeEscaper.Replace(s)) }

// encodeJSON writes v as JSON without HTML escapes: the page escapes it
// where it is shown, so "<" reads as "<", not "\u003c".
func encodeJSON(v any, indent string) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

func sep(s, with string) string {
	if s == "" {
		return ""
	}
	return with
}

// escapeMarkdown keeps a plain string plain inside Markdown.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()#+-.!<>|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
