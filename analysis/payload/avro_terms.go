package payload

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// Term is a key or a value of a payload schema that completion offers and
// hover explains, in our own words.
type Term struct {
	Name   string
	Detail string // a few words: what kind of thing it is
	Doc    string // a sentence or two, Markdown
}

var avroTypeDocs = map[string]Term{
	"null":    {"null", "Avro primitive type", "No value at all; in a union, makes the value optional."},
	"boolean": {"boolean", "Avro primitive type", "`true` or `false`."},
	"int":     {"int", "Avro primitive type", "A signed 32-bit whole number."},
	"long":    {"long", "Avro primitive type", "A signed 64-bit whole number."},
	"float":   {"float", "Avro primitive type", "A 32-bit IEEE 754 floating-point number."},
	"double":  {"double", "Avro primitive type", "A 64-bit IEEE 754 floating-point number."},
	"bytes":   {"bytes", "Avro primitive type", "A sequence of bytes of any length; in JSON, a string with one character per byte."},
	"string":  {"string", "Avro primitive type", "A sequence of Unicode characters."},
	"record":  {"record", "Avro complex type", "A named object with a fixed list of `fields`, each with a name and a type."},
	"enum":    {"enum", "Avro complex type", "A named type whose value is one of its `symbols`."},
	"array":   {"array", "Avro complex type", "A list whose elements all have the type given in `items`."},
	"map":     {"map", "Avro complex type", "An object with string keys whose values all have the type given in `values`."},
	"fixed":   {"fixed", "Avro complex type", "A named sequence of exactly `size` bytes."},
	"error":   {"error", "Avro complex type", "A record meant for errors of a protocol; written like a record."},
}

var avroKeyDocs = map[string]Term{
	"type":        {"type", "Avro schema", "What kind of value this is: a primitive type name, or `record`, `enum`, `array`, `map` or `fixed` with their own attributes."},
	"name":        {"name", "Avro name", "The name of this type (or field): a letter or `_`, then letters, digits or `_`. Types are referred to by it later in the schema."},
	"namespace":   {"namespace", "Avro namespace", "Dot-separated names that qualify the names of this type and of the types defined inside it."},
	"doc":         {"doc", "Avro documentation", "A description for people reading the schema."},
	"aliases":     {"aliases", "Avro aliases", "Other names this type or field has had, so that readers of old data can still match it."},
	"fields":      {"fields", "Avro record fields", "The fields of the record, in order: each an object with a `name` and a `type`, and optionally `doc`, `default`, `order` and `aliases`."},
	"symbols":     {"symbols", "Avro enum symbols", "The values of the enum, each a name, none twice."},
	"default":     {"default", "Avro default", "The value readers use when data lacks this field (or, for an enum, a symbol they do not know). For a union it is of the union's first type."},
	"order":       {"order", "Avro sort order", "How this field orders records: `ascending` (the default), `descending` or `ignore`."},
	"items":       {"items", "Avro array items", "The type of every element of the array."},
	"values":      {"values", "Avro map values", "The type of every value of the map; keys are strings."},
	"size":        {"size", "Avro fixed size", "The number of bytes of every value."},
	"logicalType": {"logicalType", "Avro logical type", "A meaning given to the underlying type (a date on an `int`, a decimal on `bytes`, …); readers that do not know it use the underlying type."},
	"precision":   {"precision", "Avro decimal precision", "The largest number of digits a decimal holds (at least 1)."},
	"scale":       {"scale", "Avro decimal scale", "How many of the digits come after the decimal point (0 to the precision; 0 when left out)."},
}

var logicalTypeDocs = map[string]string{
	"decimal":                "An exact decimal number with `precision` and `scale`, on `bytes` or `fixed`.",
	"uuid":                   "A universally unique identifier, on `string`.",
	"date":                   "A calendar date as days since 1970-01-01, on `int`.",
	"time-millis":            "A time of day in milliseconds after midnight, on `int`.",
	"time-micros":            "A time of day in microseconds after midnight, on `long`.",
	"timestamp-millis":       "An instant as milliseconds since 1970-01-01T00:00:00 UTC, on `long`.",
	"timestamp-micros":       "An instant as microseconds since 1970-01-01T00:00:00 UTC, on `long`.",
	"local-timestamp-millis": "A date and time without a time zone, in milliseconds, on `long`.",
	"local-timestamp-micros": "A date and time without a time zone, in microseconds, on `long`.",
	"duration":               "Months, days and milliseconds, on a `fixed` of size 12.",
}

var orderDocs = map[string]string{
	"ascending":  "Smaller values of this field sort first (the default).",
	"descending": "Larger values of this field sort first.",
	"ignore":     "This field does not take part in sorting.",
}

// avroRole is what a place inside an Avro schema holds.
type avroRole int

const (
	roleNone   avroRole = iota
	roleSchema          // a schema: a type name, a schema object or a union
	roleField           // a record field object
	roleFields          // the list of fields
)

// avroRoleAt says what the value at rel (a path from the payload schema)
// is, and returns the enclosing schema object of a field (for its names).
func avroRoleAt(root *syntax.Node, rel []string) avroRole {
	role := roleSchema
	n := root
	for _, tok := range rel {
		r := n.Resolve()
		if r == nil {
			return roleNone
		}
		switch role {
		case roleSchema:
			switch {
			case r.Kind == syntax.Sequence:
				role = roleSchema // a union's branches
			case r.Kind == syntax.Mapping && tok == "fields":
				role = roleFields
			case r.Kind == syntax.Mapping && (tok == "items" || tok == "values"):
				role = roleSchema
			default:
				return roleNone
			}
		case roleFields:
			role = roleField
		case roleField:
			if tok != "type" {
				return roleNone
			}
			role = roleSchema
		default:
			return roleNone
		}
		n = r.Find(tok)
	}
	return role
}

// AvroKeys are the keys an object at rel inside the Avro schema root may
// have: a schema object's by its type, or a record field's.
func AvroKeys(root *syntax.Node, rel []string) []Term {
	obj := root.Find(rel...)
	var names []string
	switch avroRoleAt(root, rel) {
	case roleField:
		names = []string{"name", "type", "doc", "default", "order", "aliases"}
	case roleSchema:
		names = avroKeysOf(obj.Get("type").String())
	default:
		return nil
	}
	out := make([]Term, 0, len(names))
	for _, k := range names {
		if obj.Get(k) == nil {
			out = append(out, avroKeyDocs[k])
		}
	}
	return out
}

func avroKeysOf(kind string) []string {
	switch kind {
	case "record", "error":
		return []string{"type", "name", "namespace", "doc", "aliases", "fields"}
	case "enum":
		return []string{"type", "name", "namespace", "doc", "aliases", "symbols", "default"}
	case "fixed":
		return []string{"type", "name", "namespace", "doc", "aliases", "size", "logicalType", "precision", "scale"}
	case "array":
		return []string{"type", "items", "doc"}
	case "map":
		return []string{"type", "values", "doc"}
	case "bytes":
		return []string{"type", "logicalType", "precision", "scale", "doc"}
	case "":
		return []string{"type", "name", "namespace", "doc", "fields", "symbols", "items", "values", "size", "logicalType"}
	}
	return []string{"type", "logicalType", "doc"}
}

// AvroValues are the values that fit at rel (a path ending in the key
// being given a value, or a union entry): type names (the primitive and
// complex ones, and the named types the schema defines), logical types, sort
// orders.
func AvroValues(root *syntax.Node, rel []string) []Term {
	if len(rel) == 0 { // the whole schema, written as a type name
		var out []Term
		for _, t := range avroPrimitives {
			out = append(out, avroTypeDocs[t])
		}
		return out
	}
	key := rel[len(rel)-1]
	parent := rel[:len(rel)-1]
	switch role := avroRoleAt(root, parent); {
	case key == "type" && (role == roleSchema || role == roleField), role == roleSchema && isIndex(key):
		var out []Term
		for _, t := range avroPrimitives {
			out = append(out, avroTypeDocs[t])
		}
		if key == "type" && role == roleSchema {
			for _, t := range avroComplex[:5] {
				out = append(out, avroTypeDocs[t])
			}
		}
		for _, name := range definedNames(root) {
			out = append(out, Term{Name: name, Detail: "named type of this schema", Doc: "The type defined as `" + name + "` in this schema."})
		}
		return out
	case key == "logicalType" && role == roleSchema:
		kind := root.Find(parent...).Get("type").String()
		var out []Term
		for _, lt := range LogicalTypes() {
			if kind == "" || slices.Contains(logicalTypes[lt], kind) {
				out = append(out, Term{Name: lt, Detail: "Avro logical type", Doc: logicalTypeDocs[lt]})
			}
		}
		return out
	case key == "order" && role == roleField:
		return []Term{{"ascending", "Avro sort order", orderDocs["ascending"]}, {"descending", "Avro sort order", orderDocs["descending"]}, {"ignore", "Avro sort order", orderDocs["ignore"]}}
	}
	return nil
}

// AvroHover explains the key (onKey) or the value at rel inside the Avro
// schema root.
func AvroHover(root *syntax.Node, rel []string, onKey bool) (Term, bool) {
	if len(rel) == 0 {
		return Term{}, false
	}
	key := rel[len(rel)-1]
	role := avroRoleAt(root, rel[:len(rel)-1])
	if onKey {
		t, ok := avroKeyDocs[key]
		return t, ok && (role == roleSchema || role == roleField)
	}
	value := root.Find(rel...).String()
	for _, t := range AvroValues(root, rel) {
		if t.Name == value {
			return t, true
		}
	}
	return Term{}, false
}

// definedNames lists the full names of the named types the schema defines.
func definedNames(root *syntax.Node) []string {
	c := &avroChecker{defined: map[string]*avroType{}}
	c.read(root, "")
	var out []string
	for name := range c.defined {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

func isIndex(tok string) bool {
	return tok != "" && strings.Trim(tok, "0123456789") == ""
}

// AvroSchemaAt finds the Avro schema that path (from the document root)
// lies in: a 2.x message payload whose message names an Avro schemaFormat,
// or the schema of a 3.x Multi Format Schema Object that does. It returns
// the schema and the rest of path inside it.
func AvroSchemaAt(doc *syntax.Node, path []string) (*syntax.Node, []string, bool) {
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i] {
		case "payload":
			if f, _ := Classify(doc.Find(path[:i]...).Get("schemaFormat").String()); f == Avro {
				return doc.Find(path[:i+1]...), path[i+1:], true
			}
		case "schema":
			if f, _ := Classify(doc.Find(path[:i]...).Get("schemaFormat").String()); f == Avro && i > 0 {
				return doc.Find(path[:i+1]...), path[i+1:], true
			}
		}
	}
	return nil, nil, false
}

// IsUnionEntry reports whether rel names an entry of a union.
func IsUnionEntry(root *syntax.Node, rel []string) bool {
	parent := root.Find(rel[:len(rel)-1]...).Resolve()
	return isIndex(rel[len(rel)-1]) && parent != nil && parent.Kind == syntax.Sequence && avroRoleAt(root, rel[:len(rel)-1]) == roleSchema
}
