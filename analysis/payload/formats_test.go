package payload

import (
	"strings"
	"testing"

	"asyncapi-ls/analysis/syntax"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		in         string
		format     Format
		registered bool
	}{
		{"", JSONSchema, true},
		{"application/vnd.aai.asyncapi+yaml;version=3.0.0", JSONSchema, true},
		{"application/vnd.aai.asyncapi;version=9.9.9", JSONSchema, false},
		{"application/schema+json;version=draft-07", JSONSchema, true},
		{"application/vnd.apache.avro;version=1.9.0", Avro, true},
		{"application/vnd.apache.avro+yaml;version=1.8.2", Avro, true},
		{"application/vnd.apache.avro;version=1.10.0", Avro, false},
		{"application/vnd.apache.avro; version=1.9.0", Avro, false},
		{"Application/VND.apache.avro;version=1.9.0", Avro, false},
		{"application/vnd.oai.openapi+json;version=3.0.0", OpenAPI, true},
		{"application/raml+yaml;version=1.0", RAML, true},
		{"application/vnd.google.protobuf;version=3", Protobuf, true},
		{"application/x-custom", Unknown, false},
	} {
		f, reg := Classify(tc.in)
		if f != tc.format || reg != tc.registered {
			t.Errorf("Classify(%q) = %v, %v; want %v, %v", tc.in, f, reg, tc.format, tc.registered)
		}
	}
	if got := Spellings(RAML); len(got) != 1 || got[0] != "application/raml+yaml;version=1.0" {
		t.Errorf("Spellings(RAML) = %v", got)
	}
}

// TestScalarPositions: an offset in the value of a literal block scalar
// lands on the same character of the source, indentation and CRLF line
// ends included; other styles map to the whole scalar.
func TestScalarPositions(t *testing.T) {
	for _, src := range []string{
		"payload: |\n  syntax = \"proto3\";\n\n  message A { Foo x = 1; }\n",
		"payload: |-\r\n    syntax = \"proto3\";\r\n    message A { Foo x = 1; }\r\n",
	} {
		file := syntax.Parse([]byte(src), syntax.YAML)
		n := file.Root.Get("payload")
		pos := NewScalarPositions([]byte(src), n)
		i := strings.Index(n.Value, "Foo")
		start, end := pos.Span(n.Value, i, i+3)
		if got := src[start:end]; got != "Foo" {
			t.Errorf("%q: span %d-%d is %q", src, start, end, got)
		}
	}
	src := "payload: \"message A { Foo x = 1; }\"\n"
	file := syntax.Parse([]byte(src), syntax.YAML)
	n := file.Root.Get("payload")
	start, end := NewScalarPositions([]byte(src), n).Span(n.Value, 12, 15)
	if start != n.Start || end != n.End {
		t.Errorf("quoted scalar: %d-%d, want the whole scalar %d-%d", start, end, n.Start, n.End)
	}
}
