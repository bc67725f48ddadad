package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
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
	Element    *model.Schema // the payload or headers, as the message gives it
	Path       []string      // the schema itself (inside a multi-format object, its "schema")
	Node       *syntax.Node  // the schema node as written
	Format     string
	FormatNode *syntax.Node // the schemaFormat value, when written
}

// messageSchema finds the payload or headers schema of a message or a
// message trait (msg) written in this document, as the model reads it: in
// 2.x the message's schemaFormat governs the payload only; in 3.x either
// may be a multi-format schema object, whose "schema" is then the schema.
func messageSchema(p *analysis.Pass, msg model.Element, field string) (schemaSite, bool) {
	if !local(p, msg) {
		return schemaSite{}, false
	}
	var sch *model.Schema
	switch m := msg.(type) {
	case *model.Message:
		sch = m.Headers
		if field == "payload" {
			sch = m.Payload
		}
	case *model.MessageTrait:
		if field == "headers" {
			sch = m.Headers
		}
	}
	if sch == nil {
		return schemaSite{}, false
	}
	raw := written(p, sch)
	if raw.IsNull() {
		return schemaSite{}, false
	}
	site := schemaSite{Element: sch, Path: writtenPath(sch), Node: raw}
	if !local(p, sch) {
		return site, true // in another file: checked there
	}
	site.Format, site.FormatNode = sch.Format.Value, sch.Format.Node
	if inner := sch.Schema; inner != nil {
		site.Node, site.Path = written(p, inner), writtenPath(inner)
	}
	return site, true
}
