package payload

import (
	"encoding/json"
	"math"
)

// AvroToJSONSchema reads an Avro schema (plain data, as syntax.Node.Data
// gives it) as the JSON Schema the official Avro schema parser turns it
// into, against which the parser checks message examples: records are
// objects whose fields without a default (and not nullable) are required,
// unions are oneOf (null last), ints and longs are integers within their
// range, bytes and fixed are strings of byte-sized characters, enums list
// their symbols, and a named type used again by its full name is the same
// schema; a name it cannot place reads as any value.
func AvroToJSONSchema(avro any) any {
	return avroJSON(avro, map[string]map[string]any{})
}

var avroJSONTypes = map[string]string{
	"null": "null", "boolean": "boolean", "int": "integer", "long": "integer", "float": "number", "double": "number",
	"bytes": "string", "string": "string", "fixed": "string", "map": "object", "array": "array", "enum": "string",
	"record": "object", "uuid": "string",
}

const bytesPattern = "^[\u0000-\u00ff]*$"

func avroJSON(def any, records map[string]map[string]any) map[string]any {
	out := map[string]any{}
	if union, ok := def.([]any); ok {
		var oneOf []any
		var null any
		for _, b := range union {
			s := avroJSON(b, records)
			if typeName(b) == "null" {
				null = s
				continue
			}
			oneOf = append(oneOf, s)
			if name := avroFullName(b); name != "" {
				records[name] = s
			}
		}
		if null != nil {
			oneOf = append(oneOf, null)
		}
		if oneOf == nil {
			oneOf = []any{}
		}
		out["oneOf"] = oneOf
		return out
	}
	obj, _ := def.(map[string]any)
	kind := typeName(def)
	if t, ok := avroJSONTypes[kind]; ok {
		out["type"] = t
	}
	switch kind {
	case "int":
		out["minimum"], out["maximum"] = float64(math.MinInt32), float64(math.MaxInt32)
	case "long":
		out["minimum"], out["maximum"] = math.Pow(-2, 63), math.Pow(2, 63)-1
	case "bytes":
		out["pattern"] = bytesPattern
	case "fixed":
		out["pattern"] = bytesPattern
		out["minLength"], out["maxLength"] = obj["size"], obj["size"]
	case "map":
		out["additionalProperties"] = avroJSON(obj["values"], map[string]map[string]any{})
	case "array":
		out["items"] = avroJSON(obj["items"], map[string]map[string]any{})
	case "enum":
		out["enum"] = obj["symbols"]
	case "float", "double":
		out["format"] = kind
	case "record":
		props := map[string]any{}
		fields, _ := obj["fields"].([]any)
		var required []any
		for _, f := range fields {
			field, _ := f.(map[string]any)
			name, _ := field["name"].(string)
			var s map[string]any
			if typ, ok := field["type"].(string); ok && records[typ] != nil {
				s = records[typ]
			} else {
				s = avroJSON(field["type"], records)
				avroAnnotations(field, s, records)
				avroExtras(field["type"], field, s)
				if n := avroFullName(field["type"]); n != "" {
					records[n] = s
				}
			}
			_, hasDefault := field["default"]
			if !nullable(field["type"]) && !hasDefault {
				required = append(required, name)
			}
			props[name] = s
		}
		if required != nil {
			out["required"] = required
		}
		if name := avroFullName(def); name != "" {
			// The parser caches the record's property map here, which reads
			// as a schema with no keywords: any value.
			records[name] = map[string]any{}
		}
		out["properties"] = props
	default:
		if cached := records[avroFullName(def)]; cached != nil {
			out = cached
		}
	}
	if obj != nil {
		avroAnnotations(obj, out, records)
	}
	avroExtras(kind, obj, out)
	return out
}

// typeName is the Avro type an entry names: its "type", or itself.
func typeName(def any) string {
	switch x := def.(type) {
	case string:
		return x
	case map[string]any:
		if t, ok := x["type"].(string); ok {
			return t
		}
	}
	return ""
}

func avroFullName(def any) string {
	obj, ok := def.(map[string]any)
	if !ok {
		return ""
	}
	name, _ := obj["name"].(string)
	if name == "" {
		return ""
	}
	if ns, _ := obj["namespace"].(string); ns != "" {
		return ns + "." + name
	}
	return name
}

func nullable(typ any) bool {
	union, ok := typ.([]any)
	if !ok {
		return false
	}
	for _, b := range union {
		if b == "null" {
			return true
		}
	}
	return false
}

// avroAnnotations carries doc and default over.
func avroAnnotations(def map[string]any, out map[string]any, _ map[string]map[string]any) {
	if doc, ok := def["doc"]; ok && doc != nil {
		out["description"] = doc
	}
	if d, ok := def["default"]; ok {
		out["default"] = d
	}
}

// avroExtras carries over the JSON Schema keywords an Avro definition may
// hold beside its type (minimum, pattern, …), where the parser does.
func avroExtras(typ any, def map[string]any, out map[string]any) {
	if def == nil {
		return
	}
	kind := typeName(typ)
	if union, ok := typ.([]any); ok && len(union) > 0 {
		first := union[0]
		if len(union) > 1 && typeName(first) == "null" {
			first = union[1]
		}
		kind = typeName(first)
		if oneOf, ok := out["oneOf"].([]any); ok && len(oneOf) > 0 {
			out, _ = oneOf[0].(map[string]any)
			if out == nil {
				return
			}
		}
	}
	set := func(names ...string) {
		for _, name := range names {
			v, ok := def[name]
			if !ok {
				continue
			}
			f, isNum := number(v)
			switch {
			case (name == "minLength" || name == "maxLength") && (!isNum || f <= -1):
				continue
			case name == "multipleOf" && (!isNum || f <= 0):
				continue
			}
			out[name] = v
		}
	}
	switch kind {
	case "int", "long", "float", "double":
		set("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
	case "string":
		if lt, ok := def["logicalType"]; ok {
			out["format"] = lt
		}
		set("pattern", "minLength", "maxLength")
	case "array":
		set("minItems", "maxItems", "uniqueItems")
	}
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	case int:
		return float64(x), true
	}
	return 0, false
}
