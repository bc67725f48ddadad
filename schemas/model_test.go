package schemas

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func keyNamed(t *testing.T, m *Model, name string) Key {
	t.Helper()
	for _, k := range m.Keys() {
		if k.Name == name {
			return k
		}
	}
	t.Fatalf("no key %q at %q", name, m.Path)
	return Key{}
}

func keyNames(m *Model) []string {
	var out []string
	for _, k := range m.Keys() {
		out = append(out, k.Name)
	}
	return out
}

func mustAt(t *testing.T, version string, doc any, path ...string) *Model {
	t.Helper()
	m := At(version, doc, path)
	if m == nil {
		t.Fatalf("At(%s, %q) = nil", version, path)
	}
	return m
}

// bundleText reads a string from the official bundle, so tests compare descriptions with the schema
// instead of writing them a second time.
func bundleText(t *testing.T, version, pointer string) string {
	t.Helper()
	bundlesOnce.Do(loadBundles)
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(bundles[version]))
	if err != nil {
		t.Fatal(err)
	}
	s, ok := lookupPointer(raw, pointer).(string)
	if !ok || s == "" {
		t.Fatalf("no string at %s in the %s bundle", pointer, version)
	}
	return s
}

func TestModelInfo(t *testing.T) {
	for _, v := range []string{"2.6.0", "3.0.0", "3.1.0"} {
		doc := decodeYAML(t, "asyncapi: "+v+"\ninfo: {}\n")
		m := mustAt(t, v, doc, "info")
		if m.Object != "info" || m.Shape != ShapeObject || !m.Extensions() || m.AnyName() {
			t.Errorf("%s info: %+v", v, m)
		}
		if !strings.HasSuffix(m.DocURL, "v"+v+"#infoObject") {
			t.Errorf("%s info DocURL %q", v, m.DocURL)
		}
		for _, name := range []string{"title", "version", "description", "termsOfService", "contact", "license"} {
			keyNamed(t, m, name)
		}
		title := keyNamed(t, m, "title")
		if !title.Required || title.Shape != ShapeScalar || !slices.Equal(title.Types, []string{"string"}) || title.Description == "" {
			t.Errorf("%s info.title: %+v", v, title.Model)
		}
		if c := keyNamed(t, m, "contact"); c.Required || c.Shape != ShapeObject {
			t.Errorf("%s info.contact: %+v", v, c.Model)
		}
		if slices.Contains(keyNames(m), "$ref") {
			t.Errorf("%s: info offers $ref", v)
		}
	}
}

func TestModelInfoTitleDescription(t *testing.T) {
	want := bundleText(t, "3.0.0", "/definitions/http:~1~1asyncapi.com~1definitions~13.0.0~1info.json/allOf/0/properties/title/description")
	m := mustAt(t, "3.0.0", nil, "info", "title") // no document at all: the schema still answers
	if m.Description != want {
		t.Errorf("description %q, want %q", m.Description, want)
	}
	if !strings.HasSuffix(m.DocURL, "v3.0.0#infoObjectTitle") {
		t.Errorf("DocURL %q", m.DocURL)
	}
	md := Describe("3.0.0", nil, []string{"info", "title"})
	if !strings.Contains(md, want) || !strings.Contains(md, "`string`") || !strings.Contains(md, m.DocURL) {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestModelChannel30(t *testing.T) {
	doc := decodeYAML(t, head30+"channels:\n  userSignup:\n    address: user/signup\n")
	m := mustAt(t, "3.0.0", doc, "channels", "userSignup")
	if m.Object != "a channel" || !strings.HasSuffix(m.DocURL, "#channelObject") {
		t.Errorf("channel: %q %q", m.Object, m.DocURL)
	}
	if m.Description != bundleText(t, "3.0.0", "/definitions/http:~1~1asyncapi.com~1definitions~13.0.0~1channel.json/description") {
		t.Errorf("description %q", m.Description)
	}
	want := []string{"address", "bindings", "description", "externalDocs", "messages", "parameters", "servers", "summary", "tags", "title"}
	if got := keyNames(m); !slices.Equal(got, want) {
		t.Errorf("keys %v", got)
	}
	if a := keyNamed(t, m, "address"); !slices.Equal(a.Types, []string{"string", "null"}) || a.Shape != ShapeScalar || a.Required {
		t.Errorf("address %+v", a.Model)
	}
	if s := keyNamed(t, m, "servers"); s.Shape != ShapeArray {
		t.Errorf("servers %+v", s.Model)
	}
	if s := mustAt(t, "3.0.0", doc, "channels", "userSignup", "servers", "0"); !s.RefOnly || !slices.Equal(keyNames(s), []string{"$ref"}) {
		t.Errorf("servers item: RefOnly=%v keys=%v", s.RefOnly, keyNames(s))
	}
	if msgs := keyNamed(t, m, "messages"); msgs.Shape != ShapeObject {
		t.Errorf("messages %+v", msgs.Model)
	}

	// A channel not written yet may be a Reference Object too.
	fresh := mustAt(t, "3.0.0", doc, "channels", "another")
	if !fresh.AllowsRef || fresh.RefOnly || !slices.Contains(keyNames(fresh), "$ref") || !slices.Contains(keyNames(fresh), "address") {
		t.Errorf("new channel: AllowsRef=%v RefOnly=%v keys=%v", fresh.AllowsRef, fresh.RefOnly, keyNames(fresh))
	}
	if keyNamed(t, fresh, "$ref").Required {
		t.Error("$ref required in a channel")
	}

	// channels itself is map-like.
	if ch := mustAt(t, "3.0.0", doc, "channels"); !ch.AnyName() || ch.Shape != ShapeObject || len(ch.Keys()) != 0 {
		t.Errorf("channels: AnyName=%v keys=%v", ch.AnyName(), keyNames(ch))
	}
	if msgs := mustAt(t, "3.0.0", doc, "components", "messages"); !msgs.AnyName() || len(msgs.NamePatterns()) != 1 {
		t.Errorf("components.messages: AnyName=%v patterns=%v", msgs.AnyName(), msgs.NamePatterns())
	}
	if At("3.0.0", doc, []string{"channels", "userSignup", "adress"}) != nil {
		t.Error("a model for an unknown key")
	}
}

func TestModelOperation(t *testing.T) {
	for _, v := range []string{"3.0.0", "3.1.0"} {
		doc := decodeYAML(t, "asyncapi: "+v+"\noperations:\n  onSignup: {}\n")
		m := mustAt(t, v, doc, "operations", "onSignup")
		if m.Object != "an operation" {
			t.Errorf("%s: %q", v, m.Object)
		}
		action := keyNamed(t, m, "action")
		if !action.Required || !slices.Equal(action.Enum, []any{"send", "receive"}) || action.Shape != ShapeScalar {
			t.Errorf("%s action: %+v", v, action.Model)
		}
		if !strings.HasSuffix(action.DocURL, "#operationObjectAction") {
			t.Errorf("%s action DocURL %q", v, action.DocURL)
		}
		// The value under the cursor does not exist yet.
		if a := mustAt(t, v, doc, "operations", "onSignup", "action"); !slices.Equal(a.Enum, []any{"send", "receive"}) {
			t.Errorf("%s: action enum %v", v, a.Enum)
		}
		channel := keyNamed(t, m, "channel")
		if !channel.Required || !channel.RefOnly || channel.Shape != ShapeObject {
			t.Errorf("%s channel: %+v", v, channel.Model)
		}
		if msgs := keyNamed(t, m, "messages"); msgs.Shape != ShapeArray {
			t.Errorf("%s messages: %+v", v, msgs.Model)
		}
		if item := mustAt(t, v, doc, "operations", "onSignup", "messages", "0"); !item.RefOnly {
			t.Errorf("%s messages item not RefOnly", v)
		}
	}
	// 2.6: publish / subscribe operations
	doc := decodeYAML(t, head26)
	m := mustAt(t, "2.6.0", doc, "channels", "user/signup")
	if !slices.Contains(keyNames(m), "publish") || !slices.Contains(keyNames(m), "subscribe") || !slices.Contains(keyNames(m), "$ref") {
		t.Errorf("2.6 channel keys %v", keyNames(m))
	}
	if op := mustAt(t, "2.6.0", doc, "channels", "user/signup", "publish"); op.Object != "an operation" || !slices.Contains(keyNames(op), "message") {
		t.Errorf("2.6 operation: %q %v", op.Object, keyNames(op))
	}
}

func TestModelKafkaBindingByVersion(t *testing.T) {
	src := head30 + `
channels:
  latest:
    bindings:
      kafka: {}
  old:
    bindings:
      kafka: {bindingVersion: '0.3.0'}
`
	doc := decodeYAML(t, src)
	latest := mustAt(t, "3.0.0", doc, "channels", "latest", "bindings", "kafka")
	old := mustAt(t, "3.0.0", doc, "channels", "old", "bindings", "kafka")
	for _, m := range []*Model{latest, old} {
		for _, k := range []string{"topic", "partitions", "replicas", "bindingVersion"} {
			keyNamed(t, m, k)
		}
		if m.Object != "the kafka channel binding" || !strings.HasSuffix(m.DocURL, "#channelBindingsObjectKafka") {
			t.Errorf("%q %q", m.Object, m.DocURL)
		}
		bv := keyNamed(t, m, "bindingVersion")
		if !slices.Contains(bv.Enum, any("0.5.0")) || !slices.Contains(bv.Enum, any("0.3.0")) {
			t.Errorf("bindingVersion enum %v", bv.Enum)
		}
		if p := keyNamed(t, m, "partitions"); !slices.Equal(p.Types, []string{"integer"}) || p.Description == "" {
			t.Errorf("partitions %+v", p.Model)
		}
	}
	if !slices.Contains(keyNames(latest), "topicConfiguration") {
		t.Errorf("latest kafka binding lacks topicConfiguration: %v", keyNames(latest))
	}
	if slices.Contains(keyNames(old), "topicConfiguration") {
		t.Errorf("kafka binding 0.3.0 has topicConfiguration: %v", keyNames(old))
	}
	// The bindings object lists the protocols.
	b := mustAt(t, "3.0.0", doc, "channels", "latest", "bindings")
	for _, p := range []string{"kafka", "amqp", "ws", "mqtt"} {
		keyNamed(t, b, p)
	}
}

func TestModelPayloadIsSchema(t *testing.T) {
	tests := []struct {
		version, src string
		path         []string
	}{
		{"3.0.0", head30 + "components:\n  messages:\n    m:\n      payload: {type: object}\n", []string{"components", "messages", "m", "payload"}},
		{"3.1.0", head31 + "components:\n  messages:\n    m: {}\n", []string{"components", "messages", "m", "payload"}},
		{"3.1.0", head31 + "components:\n  schemas: {}\n", []string{"components", "schemas", "User"}},
		{"2.6.0", head26 + "components:\n  messages:\n    m: {payload: {}}\n", []string{"components", "messages", "m", "payload"}},
		{"2.6.0", head26 + "components:\n  messages:\n    m: {}\n", []string{"components", "messages", "m", "headers"}},
		{"3.0.0", head30 + "components:\n  schemas:\n    s: {type: object, properties: {name: {}}}\n", []string{"components", "schemas", "s", "properties", "name"}},
	}
	for _, tc := range tests {
		doc := decodeYAML(t, tc.src)
		m := mustAt(t, tc.version, doc, tc.path...)
		if !m.IsSchema {
			t.Errorf("%s %q: not a schema", tc.version, tc.path)
			continue
		}
		names := keyNames(m)
		for _, kw := range []string{"type", "properties", "required", "items", "format", "enum", "allOf", "$ref", "description"} {
			if !slices.Contains(names, kw) {
				t.Errorf("%s %q: no keyword %q in %v", tc.version, tc.path, kw, names)
			}
		}
		typ := m.Key("type")
		if typ == nil || !slices.Contains(typ.Suggested, any("string")) || len(typ.Enum) != 0 {
			t.Errorf("%s %q: type %+v", tc.version, tc.path, typ)
		}
		format := m.Key("format")
		if format == nil || !slices.Contains(format.Suggested, any("date-time")) || !slices.Contains(format.Suggested, any("email")) {
			t.Errorf("%s %q: format %+v", tc.version, tc.path, format)
		}
		if props := m.Key("properties"); props == nil || props.Shape != ShapeObject {
			t.Errorf("%s %q: properties %+v", tc.version, tc.path, props)
		}
	}
	// A multi-format schema in 3.x: schemaFormat and schema, the official formats offered.
	doc := decodeYAML(t, head30+"components:\n  messages:\n    m:\n      payload: {schema: {}}\n")
	m := mustAt(t, "3.0.0", doc, "components", "messages", "m", "payload")
	if !slices.Contains(keyNames(m), "schemaFormat") || !slices.Contains(keyNames(m), "schema") {
		t.Errorf("multi-format schema keys %v", keyNames(m))
	}
	sf := m.Key("schemaFormat")
	if sf == nil || len(sf.Enum) != 0 || !slices.Contains(sf.Suggested, any("application/vnd.apache.avro;version=1.9.0")) {
		t.Errorf("schemaFormat %+v", sf)
	}
	// Not a schema: info.
	if mustAt(t, "3.0.0", doc, "info").IsSchema {
		t.Error("info is a schema")
	}
}

// The value in the document chooses between alternatives: a security scheme by its type.
func TestModelSecuritySchemeByType(t *testing.T) {
	doc := decodeYAML(t, head30+"components:\n  securitySchemes:\n    key: {type: httpApiKey}\n    any: {}\n")
	m := mustAt(t, "3.0.0", doc, "components", "securitySchemes", "key")
	if got := keyNames(m); !slices.Equal(got, []string{"description", "in", "name", "type"}) {
		t.Errorf("httpApiKey keys %v", got)
	}
	if in := m.Key("in"); in == nil || !slices.Equal(in.Enum, []any{"header", "query", "cookie"}) {
		t.Errorf("in %+v", in)
	}
	// Nothing written yet: every scheme's keys, and every type.
	all := mustAt(t, "3.0.0", doc, "components", "securitySchemes", "any")
	if typ := all.Key("type"); typ == nil || len(typ.Enum) < 8 {
		t.Errorf("all types %+v", typ)
	}
	for _, k := range []string{"flows", "openIdConnectUrl", "scheme", "in"} {
		keyNamed(t, all, k)
	}
}

func TestSchemaFormats(t *testing.T) {
	f := SchemaFormats()
	if !slices.IsSorted(f) || !slices.Contains(f, "uri") || len(f) != 17 {
		t.Errorf("%v", f)
	}
}

// A value that is a reference is described as one.
func TestModelOfReference(t *testing.T) {
	doc := decodeYAML(t, head30+"channels:\n  c: {$ref: '#/components/channels/c'}\n")
	m := mustAt(t, "3.0.0", doc, "channels", "c")
	if !m.AllowsRef || m.Description == "" || !slices.Equal(keyNames(m), []string{"$ref"}) || m.Shape != ShapeObject {
		t.Errorf("%+v keys %v", m, keyNames(m))
	}
	if r := mustAt(t, "3.0.0", doc, "channels", "c", "$ref"); r.Description == "" || !slices.Equal(r.Types, []string{"string"}) {
		t.Errorf("$ref: %+v", r)
	}
}
