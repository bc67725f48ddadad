package completion

import "strings"

// pathKind names the kind of object a "$ref" at path must point to, from the
// place alone; "" when the place does not tell.
func pathKind(path []string, v2 bool) string {
	n := len(path)
	if n == 0 {
		return ""
	}
	last := path[n-1]
	parent := ""
	if n >= 2 {
		parent = path[n-2]
	}
	grand := ""
	if n >= 3 {
		grand = path[n-3]
	}
	switch {
	case n == 3 && path[0] == "components":
		return componentKinds[path[1]]
	case last == "payload" || last == "headers" || last == "schema" && parent != "components":
		return "schema"
	case last == "items" || last == "not" || last == "additionalProperties" || last == "contains" || last == "if" || last == "then" || last == "else":
		return "schema"
	case parent == "properties" || parent == "allOf" || parent == "oneOf" && grand != "message" || parent == "anyOf" || parent == "patternProperties" || parent == "definitions":
		return "schema"
	case last == "message" && v2, parent == "oneOf" && grand == "message":
		return "message"
	case parent == "messages" && (grand != "components" || n > 3):
		return "message"
	case last == "channel":
		return "channel"
	case parent == "parameters":
		return "parameter"
	case last == "correlationId":
		return "correlationId"
	case parent == "traits" && n >= 4 && (path[n-4] == "messages" || grand == "message"):
		return "messageTrait"
	case parent == "traits":
		return "operationTrait"
	case last == "reply":
		return "operationReply"
	case last == "address" && parent == "reply":
		return "operationReplyAddress"
	case last == "externalDocs":
		return "externalDocs"
	case parent == "tags":
		return "tag"
	case parent == "servers" && !v2:
		return "server"
	case parent == "security" && !v2:
		return "securityScheme"
	case parent == "variables":
		return "serverVariable"
	case last == "bindings":
		switch {
		case grand == "servers" || n == 3 && path[0] == "servers":
			return "serverBindings"
		case strings.HasSuffix(grand, "channels") || n == 3 && path[0] == "channels":
			return "channelBindings"
		case grand == "operations" || parent == "publish" || parent == "subscribe":
			return "operationBindings"
		case grand == "messages" || parent == "message":
			return "messageBindings"
		}
	}
	return ""
}

// schemaFormats are the schemaFormat values tools recognise, for version.
func schemaFormats(version string) []string {
	return []string{
		"application/vnd.aai.asyncapi;version=" + version,
		"application/vnd.aai.asyncapi+json;version=" + version,
		"application/vnd.aai.asyncapi+yaml;version=" + version,
		"application/schema+json;version=draft-07",
		"application/schema+yaml;version=draft-07",
		"application/vnd.apache.avro;version=1.9.0",
		"application/vnd.apache.avro+json;version=1.9.0",
		"application/vnd.apache.avro+yaml;version=1.9.0",
		"application/vnd.oai.openapi;version=3.0.0",
		"application/vnd.oai.openapi+json;version=3.0.0",
		"application/vnd.oai.openapi+yaml;version=3.0.0",
		"application/raml+yaml;version=1.0",
		"application/vnd.google.protobuf;version=2",
		"application/vnd.google.protobuf;version=3",
	}
}

// extraFormats are "format" values in common use beyond JSON Schema's own.
var extraFormats = []string{"uuid", "int32", "int64", "float", "double", "byte", "binary", "password"}
