package rules

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/payload"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The payloads written in another schema format than JSON Schema are
// checked by analysis/payload, as the official parser's schema parsers
// read them. In 2.x the parser validates each message payload with its
// format's parser and checks the message examples against the schema that
// parser turns the payload into: those are errors. 3.x documents get the
// same findings as warnings: the parser only converts such payloads there.
func init() {
	register(analysis.Rule{
		Code:        "asyncapi-payload-schema",
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.AllVersions, Only: "what the schema parsers reject: invalid payloads (in 3.x only what stops their conversion), 2.x examples"},
		Description: "A payload in Avro, Protobuf or RAML is valid in its format, and message examples fit Avro and OpenAPI payloads, as the official schema parsers read them (errors where the parser rejects the document, warnings beyond).",
		DocURL:      specURL("multiFormatSchemaObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			seen := map[*syntax.Node]bool{}
			for _, m := range messages(p) {
				if p.Cancelled() {
					return out
				}
				site, ok := messageSchema(p, m, "payload")
				if !ok || seen[site.Node] {
					continue
				}
				seen[site.Node] = true
				switch f, registered := payload.Classify(site.Format); {
				case !registered:
					// another spelling: the parser does not check it (asyncapi-schema-format says so)
				case f == payload.Avro:
					out = append(out, checkAvroPayload(p, m, site)...)
				case f == payload.Protobuf:
					out = append(out, checkProtobufPayload(p, site)...)
				case f == payload.RAML:
					out = append(out, checkRAMLPayload(p, site)...)
				case f == payload.OpenAPI:
					out = append(out, checkOpenAPIExamples(p, m, site)...)
				}
			}
			return out
		},
	})
}

// checkAvroPayload checks an Avro payload and the examples of its message.
func checkAvroPayload(p *analysis.Pass, m *model.Message, site schemaSite) []analysis.Diagnostic {
	schema, doc := p.Follow(site.Node)
	if schema == nil {
		return nil
	}
	problems := payload.CheckAvro(schema)
	out := schemaDiagnostics(p, site, doc, problems)
	for _, pr := range problems {
		if !pr.Spec {
			return out // the parser would not get as far as the examples
		}
	}
	data, err := schema.Data()
	if err != nil {
		return out
	}
	return append(out, checkConvertedExamples(p, m, payload.AvroToJSONSchema(data), "Avro")...)
}

// checkOpenAPIExamples checks the examples of a message whose payload is
// an OpenAPI schema (the schema itself is checked by the structure check,
// against the official schema).
func checkOpenAPIExamples(p *analysis.Pass, m *model.Message, site schemaSite) []analysis.Diagnostic {
	schema, _ := p.Follow(site.Node)
	if schema == nil {
		return nil
	}
	data, err := schema.Data()
	if err != nil {
		return nil
	}
	return checkConvertedExamples(p, m, payload.OpenAPIToJSONSchema(data), "OpenAPI")
}

// checkConvertedExamples checks the example payloads of message m against the JSON
// Schema the parser turns its payload (in format) into: errors in 2.x,
// where the parser checks them, beyond the parser in 3.x.
func checkConvertedExamples(p *analysis.Pass, m *model.Message, converted any, format string) []analysis.Diagnostic {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	c.RegisterFormat(schemas.URITemplate)
	c.UseLoader(noLoader{})
	if c.AddResource("asyncapi-ls:///payload.json", converted) != nil {
		return nil
	}
	sch, err := c.Compile("asyncapi-ls:///payload.json")
	if err != nil {
		return nil // not a schema the parser could check examples with either
	}
	var out []analysis.Diagnostic
	for _, ex := range examplesWritten(p, m.Examples) {
		if ex.Payload == nil {
			continue
		}
		value, err := ex.Payload.Data()
		if err != nil {
			continue
		}
		path := append(slices.Clip(ex.Loc.Pointer), "payload")
		vs, ok := violations(sch, value)
		if !ok {
			continue
		}
		for _, d := range report(p, path, "The example payload", vs) {
			d.Severity, d.BeyondParser = analysis.SeverityError, p.IsV3()
			d.Message = strings.TrimSuffix(d.Message, ".") + " (the " + format + " schema read as JSON Schema, as the parser checks examples)."
			out = append(out, d)
		}
	}
	return out
}

// checkRAMLPayload checks a RAML data type payload.
func checkRAMLPayload(p *analysis.Pass, site schemaSite) []analysis.Diagnostic {
	schema, doc := p.Follow(site.Node)
	if schema == nil {
		return nil
	}
	return schemaDiagnostics(p, site, doc, payload.CheckRAML(schema))
}

// schemaDiagnostics reports the problems of a payload schema: where they
// are, or at the "$ref" when the schema is in another document (doc). An
// error where the parser rejects the document for it: in 2.x, which
// validates payloads with their format's parser, or in any version for an
// Always problem; beyond the parser otherwise (3.x only converts such
// payloads; Spec problems the parser lets pass).
func schemaDiagnostics(p *analysis.Pass, site schemaSite, doc *analysis.Document, problems []payload.Problem) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, pr := range problems {
		beyond := pr.Spec || !pr.Always && p.IsV3()
		if doc == nil {
			out = append(out, analysis.Diagnostic{Start: pr.Start, End: pr.End, Severity: analysis.SeverityError, Message: pr.Message, BeyondParser: beyond})
			continue
		}
		d := p.Elsewhere(refValueNode(site.Node), doc, pr.Start, pr.End, analysis.SeverityError, pr.Message)
		d.BeyondParser = beyond
		out = append(out, d)
	}
	return out
}

// refValueNode is the "$ref" value of a reference object, or n.
func refValueNode(n *syntax.Node) *syntax.Node {
	if v := refs.RefNode(n); v != nil {
		return v
	}
	return n
}

// checkProtobufPayload checks a Protobuf payload, the text of a .proto
// file: the parser rejects an invalid one in every version (in 3.x when it
// converts it).
func checkProtobufPayload(p *analysis.Pass, site schemaSite) []analysis.Diagnostic {
	n := p.Deref(site.Node)
	if n == nil || n.Kind != syntax.Scalar || n.IsNull() || n.Value == "" {
		return nil // a reference to another file, or a descriptor object: not read here
	}
	pos := payload.NewScalarPositions(p.Doc.Text, n)
	var out []analysis.Diagnostic
	for _, pr := range payload.CheckProtobuf(n.Value) {
		start, end := pos.Span(n.Value, pr.Start, pr.End)
		out = append(out, analysis.Diagnostic{Start: start, End: end, Severity: analysis.SeverityError, Message: pr.Message})
	}
	return out
}
