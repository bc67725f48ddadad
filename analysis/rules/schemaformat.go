package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/payload"
	"asyncapi-ls/analysis/syntax"
)

// formatKind sorts schemaFormat values: the JSON Schema family (checked
// here), formats analysis/payload knows (Avro, Protobuf, RAML, OpenAPI),
// and the rest.
type formatKind int

const (
	formatJSONSchema formatKind = iota
	formatOther
	formatUnknown
)

// classify returns the kind of a schemaFormat value and a readable name.
func classify(format string) (formatKind, string) {
	switch f, _ := payload.Classify(format); f {
	case payload.JSONSchema:
		if strings.HasPrefix(format, "application/schema") {
			return formatJSONSchema, "JSON Schema"
		}
		return formatJSONSchema, "AsyncAPI Schema"
	case payload.Unknown:
		return formatUnknown, format
	default:
		return formatOther, f.String()
	}
}

// schemaSite is a place that holds a schema: a message payload or headers.
type schemaSite struct {
	Path       []string     // the schema itself (inside a multi-format object, its "schema")
	Node       *syntax.Node // the schema node as written
	Format     string
	FormatNode *syntax.Node // the schemaFormat value, when written
}

// messageSchema finds the payload or headers schema of a message. In 2.x the
// message's schemaFormat governs the payload only; in 3.x either may be a
// multi-format schema object.
func messageSchema(p *analysis.Pass, msg item, field string) (schemaSite, bool) {
	if msg.Path == nil || msg.Node.Get(field).IsNull() {
		return schemaSite{}, false
	}
	path := append(append([]string(nil), msg.Path...), field)
	site := schemaSite{Path: path, Node: msg.Node.Get(field)}
	if p.IsV3() {
		inner, innerPath := p.DerefPath(path)
		if inner != nil && inner.Get("schemaFormat") != nil && inner.Get("schema") != nil {
			site.Format = str(inner, "schemaFormat")
			site.FormatNode = inner.Get("schemaFormat")
			site.Node = inner.Get("schema")
			site.Path = append(append([]string(nil), innerPath...), "schema")
		}
	} else if field == "payload" {
		site.Format = str(msg.Node, "schemaFormat")
		site.FormatNode = msg.Node.Get("schemaFormat")
	}
	return site, true
}
