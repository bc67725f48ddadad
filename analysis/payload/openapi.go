package payload

import "math"

// OpenAPIToJSONSchema reads an OpenAPI 3.0 Schema Object (plain data) as
// the JSON Schema the official OpenAPI schema parser turns it into, against
// which the parser checks message examples: nullable adds "null" to the
// type (and to an enum), int32, int64, float and double formats bound the
// number, byte asks for base64 text, required keeps only the properties
// that are declared; nullable and externalDocs are dropped.
func OpenAPIToJSONSchema(schema any) any {
	m, ok := schema.(map[string]any)
	if !ok {
		return schema
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, key := range []string{"allOf", "anyOf", "oneOf", "not", "items", "additionalProperties"} {
		switch v := out[key].(type) {
		case nil:
			if _, present := out[key]; present {
				delete(out, key)
			}
		case []any:
			var kept []any
			for _, it := range v {
				if _, isObj := it.(map[string]any); isObj {
					kept = append(kept, OpenAPIToJSONSchema(it))
				}
			}
			out[key] = kept
		case map[string]any:
			out[key] = OpenAPIToJSONSchema(v)
		}
	}
	if props, present := out["properties"]; present {
		converted := map[string]any{}
		if pm, ok := props.(map[string]any); ok {
			for name, p := range pm {
				if _, isObj := p.(map[string]any); isObj {
					converted[name] = OpenAPIToJSONSchema(p)
				}
			}
		}
		out["properties"] = converted
		if req, ok := out["required"].([]any); ok {
			var kept []any
			for _, r := range req {
				if name, ok := r.(string); ok && converted[name] != nil {
					kept = append(kept, name)
				}
			}
			if kept == nil {
				delete(out, "required")
			} else {
				out["required"] = kept
			}
		}
		if len(converted) == 0 {
			delete(out, "properties")
		}
	}
	if t, ok := out["type"]; ok && t != nil && out["nullable"] == true {
		out["type"] = []any{t, "null"}
		if enum, ok := out["enum"].([]any); ok && !containsNil(enum) {
			out["enum"] = append(append([]any(nil), enum...), nil)
		}
	}
	bound := func(lo, hi float64) {
		if v, ok := number(out["minimum"]); !ok || v < lo {
			out["minimum"] = lo
		}
		if v, ok := number(out["maximum"]); !ok || v > hi {
			out["maximum"] = hi
		}
	}
	switch out["format"] {
	case "int32":
		bound(math.MinInt32, math.MaxInt32)
	case "int64":
		bound(math.Pow(-2, 63), math.Pow(2, 63)-1)
	case "float":
		bound(-math.Pow(2, 128), math.Pow(2, 128)-1)
	case "double":
		bound(-math.MaxFloat64, math.MaxFloat64)
	case "byte":
		out["pattern"] = `^[\w\d+\/=]*$`
	}
	delete(out, "nullable")
	delete(out, "externalDocs")
	if ex, ok := out["example"]; ok {
		examples, _ := out["examples"].([]any)
		out["examples"] = append(append([]any(nil), examples...), ex)
		delete(out, "example")
	}
	return out
}

func containsNil(list []any) bool {
	for _, v := range list {
		if v == nil {
			return true
		}
	}
	return false
}
