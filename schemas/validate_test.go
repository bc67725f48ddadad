package schemas

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestVersions(t *testing.T) {
	if Latest() != "3.1.0" {
		t.Errorf("Latest() = %q", Latest())
	}
	if !IsSupported("2.0.0") || !IsSupported("3.0.0") || IsSupported("1.2.0") || IsSupported("3.0") {
		t.Error("IsSupported")
	}
	want := []string{"2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "3.0.0", "3.1.0"}
	if got := Supported(); !reflect.DeepEqual(got, want) {
		t.Errorf("Supported() = %v", got)
	}
	Supported()[0] = "changed"
	if Supported()[0] != "2.0.0" {
		t.Error("Supported() exposes its slice")
	}
	if _, err := Validate("1.2.0", map[string]any{}); err == nil {
		t.Error("Validate accepted an unsupported version")
	}
}

// Every supported version compiles, and a minimal document of it is valid.
func TestEveryVersionCompiles(t *testing.T) {
	for _, v := range Supported() {
		if _, err := load(v); err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		doc := map[string]any{"asyncapi": v, "info": map[string]any{"title": "T", "version": "1"}}
		if strings.HasPrefix(v, "2.") {
			doc["channels"] = map[string]any{}
		}
		probs, err := Validate(v, doc)
		if err != nil || len(probs) != 0 {
			t.Errorf("%s: minimal document: %v %v", v, err, probs)
		}
	}
}

const head26 = "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels: {}\n"
const head30 = "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
const head31 = "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\n"

type wantProblem struct {
	path     []string
	onKey    bool
	kind     ProblemKind
	message  []string // parts the message contains
	suggest  string
	docURL   string // suffix of DocURL
	notOther bool   // no other problem is reported
}

func TestProblemKinds(t *testing.T) {
	tests := []struct {
		name, version, src string
		want               wantProblem
	}{
		// unknown key
		{"unknown key in a 3.0 channel", "3.0.0", head30 + `
channels:
  user/signup:
    adress: users.signup
`, wantProblem{path: []string{"channels", "user/signup", "adress"}, onKey: true, kind: UnknownKey,
			message: []string{`Unknown key "adress" in a channel.`, `Did you mean "address"?`}, suggest: "address",
			docURL: "v3.0.0#channelObject", notOther: true}},
		{"unknown key in a 2.6 server", "2.6.0", head26 + `
servers:
  prod: {url: example.com, protocl: kafka}
`, wantProblem{path: []string{"servers", "prod", "protocl"}, onKey: true, kind: UnknownKey,
			message: []string{`Unknown key "protocl" in a server.`, `Did you mean "protocol"?`}, suggest: "protocol",
			docURL: "v2.6.0#serverObject"}},
		{"unknown key in 3.1 info, case differs", "3.1.0", `
asyncapi: 3.1.0
info: {title: T, version: '1', Description: d}
`, wantProblem{path: []string{"info", "Description"}, onKey: true, kind: UnknownKey,
			message: []string{`Unknown key "Description" in info.`, `Did you mean "description"?`}, suggest: "description",
			docURL: "v3.1.0#infoObject", notOther: true}},
		{"unknown key without suggestion", "3.1.0", head31 + `
components:
  schemas: {}
  zzzzzz: {}
`, wantProblem{path: []string{"components", "zzzzzz"}, onKey: true, kind: UnknownKey,
			message: []string{`Unknown key "zzzzzz" in components.`}, docURL: "v3.1.0#componentsObject", notOther: true}},

		// missing key
		{"missing key in 2.6 info", "2.6.0", `
asyncapi: 2.6.0
info: {title: T}
channels: {}
`, wantProblem{path: []string{"info"}, kind: MissingKey, message: []string{`Missing required key "version" in info.`},
			docURL: "v2.6.0#infoObject", notOther: true}},
		{"missing key in a 3.0 operation", "3.0.0", head30 + `
channels:
  c: {address: c}
operations:
  op:
    channel: {$ref: '#/channels/c'}
`, wantProblem{path: []string{"operations", "op"}, kind: MissingKey, message: []string{`Missing required key "action" in an operation.`},
			docURL: "v3.0.0#operationObject", notOther: true}},
		{"missing key in a 3.1 server", "3.1.0", head31 + `
servers:
  prod: {protocol: kafka}
`, wantProblem{path: []string{"servers", "prod"}, kind: MissingKey, message: []string{`Missing required key "host" in a server.`},
			docURL: "v3.1.0#serverObject", notOther: true}},

		// wrong type
		{"wrong type in 2.6 info", "2.6.0", `
asyncapi: 2.6.0
info: {title: 5, version: '1'}
channels: {}
`, wantProblem{path: []string{"info", "title"}, kind: WrongType, message: []string{"Expected a string, found a number."},
			docURL: "v2.6.0#infoObjectTitle", notOther: true}},
		{"wrong type of a 3.0 channel address", "3.0.0", head30 + `
channels:
  c: {address: [a]}
`, wantProblem{path: []string{"channels", "c", "address"}, kind: WrongType, message: []string{"Expected a string or null, found an array."},
			docURL: "v3.0.0#channelObjectAddress", notOther: true}},
		{"wrong type where a channel or a reference goes", "3.1.0", head31 + `
channels:
  c: just a string
`, wantProblem{path: []string{"channels", "c"}, kind: WrongType, message: []string{"Expected an object, found a string."}, notOther: true}},

		// not allowed value
		{"operation action", "3.0.0", head30 + `
channels:
  c: {address: c}
operations:
  op:
    action: sendd
    channel: {$ref: '#/channels/c'}
`, wantProblem{path: []string{"operations", "op", "action"}, kind: NotAllowedValue,
			message: []string{`"sendd" is not an allowed value; expected one of: send, receive.`}, suggest: "send",
			docURL: "v3.0.0#operationObjectAction", notOther: true}},
		{"2.6 http API key location", "2.6.0", head26 + `
components:
  securitySchemes:
    key: {type: httpApiKey, name: api_key, in: headr}
`, wantProblem{path: []string{"components", "securitySchemes", "key", "in"}, kind: NotAllowedValue,
			message: []string{`"headr" is not an allowed value; expected one of: `, "header"}, suggest: "header",
			docURL: "v2.6.0#securitySchemeObjectIn", notOther: true}},
		{"3.1 binding version", "3.1.0", head31 + `
channels:
  c:
    bindings:
      kafka: {topic: t, bindingVersion: '9.9.9'}
`, wantProblem{path: []string{"channels", "c", "bindings", "kafka", "bindingVersion"}, kind: NotAllowedValue,
			message: []string{`"9.9.9" is not an allowed value; expected one of: `, "0.5.0"}, notOther: true}},

		// $ref not allowed
		{"3.0 info by reference", "3.0.0", `
asyncapi: 3.0.0
info: {$ref: 'common.yaml#/info'}
`, wantProblem{path: []string{"info", "$ref"}, onKey: true, kind: RefNotAllowed,
			message: []string{"References ($ref) are not allowed in info"}, docURL: "v3.0.0#infoObject", notOther: true}},
		{"2.6 contact by reference", "2.6.0", `
asyncapi: 2.6.0
info:
  title: T
  version: '1'
  contact: {$ref: '#/x'}
channels: {}
`, wantProblem{path: []string{"info", "contact", "$ref"}, onKey: true, kind: RefNotAllowed,
			message: []string{"References ($ref) are not allowed in contact"}, notOther: true}},
		{"3.1 license by reference", "3.1.0", `
asyncapi: 3.1.0
info:
  title: T
  version: '1'
  license: {$ref: '#/components/x'}
`, wantProblem{path: []string{"info", "license", "$ref"}, onKey: true, kind: RefNotAllowed,
			message: []string{"References ($ref) are not allowed in license"}, docURL: "v3.1.0#licenseObject", notOther: true}},

		// reference required
		{"3.0 inline server in a channel", "3.0.0", head30 + `
servers:
  prod: {host: example.com, protocol: kafka}
channels:
  c:
    servers:
      - {host: example.com, protocol: kafka}
`, wantProblem{path: []string{"channels", "c", "servers", "0"}, kind: RefRequired,
			message: []string{"Only a reference is allowed here"}, docURL: "v3.0.0#referenceObject", notOther: true}},
		{"3.0 inline channel in an operation", "3.0.0", head30 + `
operations:
  op:
    action: send
    channel: {address: users}
`, wantProblem{path: []string{"operations", "op", "channel"}, kind: RefRequired,
			message: []string{"Only a reference is allowed here"}, notOther: true}},
		{"3.1 inline message in an operation", "3.1.0", head31 + `
channels:
  c: {address: c}
operations:
  op:
    action: send
    channel: {$ref: '#/channels/c'}
    messages:
      - {name: m, payload: {type: string}}
`, wantProblem{path: []string{"operations", "op", "messages", "0"}, kind: RefRequired,
			message: []string{"Only a reference is allowed here"}, notOther: true}},
		{"3.1 reply channel given by name", "3.1.0", head31 + `
channels:
  c: {address: c}
operations:
  op:
    action: send
    channel: {$ref: '#/channels/c'}
    reply:
      channel: c
`, wantProblem{path: []string{"operations", "op", "reply", "channel"}, kind: RefRequired,
			message: []string{`expected an object with "$ref", found a string`}, notOther: true}},

		// invalid
		{"2.6 terms of service not a URL", "2.6.0", `
asyncapi: 2.6.0
info: {title: T, version: '1', termsOfService: 'not a url'}
channels: {}
`, wantProblem{path: []string{"info", "termsOfService"}, kind: Invalid, message: []string{`"not a url" is not a valid uri.`},
			docURL: "v2.6.0#infoObjectTermsOfService", notOther: true}},
		{"3.0 duplicate tags", "3.0.0", `
asyncapi: 3.0.0
info:
  title: T
  version: '1'
  tags: [{name: a}, {name: b}, {name: a}]
`, wantProblem{path: []string{"info", "tags", "2"}, kind: Invalid, message: []string{"Duplicate item: the same as item 0"}, notOther: true}},
		{"3.1 empty enum in a schema", "3.1.0", head31 + `
components:
  schemas:
    s: {type: object, enum: []}
`, wantProblem{path: []string{"components", "schemas", "s", "enum"}, kind: Invalid, message: []string{"Expected at least 1 item, found 0."}, notOther: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			probs, err := Validate(tc.version, decodeYAML(t, tc.src))
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			var found *Problem
			for i, p := range probs {
				if slices.Equal(p.Path, w.path) && p.Kind == w.kind {
					found = &probs[i]
				}
			}
			if found == nil {
				t.Fatalf("no %s at %q; got %s", w.kind, w.path, describeProblems(probs))
			}
			p := *found
			if p.OnKey != w.onKey {
				t.Errorf("OnKey = %v", p.OnKey)
			}
			if p.Code != w.kind.Code() {
				t.Errorf("Code = %q", p.Code)
			}
			for _, part := range w.message {
				if !strings.Contains(p.Message, part) {
					t.Errorf("message %q lacks %q", p.Message, part)
				}
			}
			if p.Suggestion != w.suggest {
				t.Errorf("Suggestion = %q, want %q", p.Suggestion, w.suggest)
			}
			if w.docURL != "" && !strings.HasSuffix(p.DocURL, w.docURL) {
				t.Errorf("DocURL = %q, want …%s", p.DocURL, w.docURL)
			}
			if !strings.HasPrefix(p.DocURL, "https://www.asyncapi.com/docs/reference/specification/v"+tc.version+"#") && p.DocURL != "" {
				t.Errorf("DocURL = %q", p.DocURL)
			}
			if w.notOther && len(probs) != 1 {
				t.Errorf("more problems than expected: %s", describeProblems(probs))
			}
			for _, q := range probs {
				if strings.Contains(q.Message, "then") || strings.Contains(q.Message, "oneOf") {
					t.Errorf("schema jargon in %q", q.Message)
				}
			}
		})
	}
}

func describeProblems(probs []Problem) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString("\n  " + p.Code + " " + strings.Join(p.Path, "/") + ": " + p.Message)
	}
	return b.String()
}

// Where an inline object or a $ref may go, mistakes in the inline object are reported as such, never
// as a missing "$ref".
func TestInlineObjectErrorsNotMissingRef(t *testing.T) {
	for _, tc := range []struct{ version, src string }{
		{"3.0.0", head30 + "channels:\n  c: {adress: x, title: 5}\n"},
		{"3.1.0", head31 + "components:\n  messages:\n    m: {nme: x}\n"},
		{"2.6.0", head26 + "components:\n  messages:\n    m: {nme: x}\n"},
		{"2.0.0", "asyncapi: 2.0.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    subscribe:\n      message: {nme: x}\n"},
	} {
		probs, err := Validate(tc.version, decodeYAML(t, tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(probs) == 0 {
			t.Errorf("%s: no problem", tc.version)
		}
		for _, p := range probs {
			if strings.Contains(p.Message, "$ref") || p.Kind == MissingKey || p.Kind == RefRequired {
				t.Errorf("%s: %s %q: %s", tc.version, p.Code, p.Path, p.Message)
			}
			if p.Kind != UnknownKey && p.Kind != WrongType {
				t.Errorf("%s: unexpected %s %q: %s", tc.version, p.Code, p.Path, p.Message)
			}
		}
	}
}

// 3.x bindings are checked by the schema of their bindingVersion, and read as errors on their fields.
func TestBindingChecksByVersion(t *testing.T) {
	src := head30 + `
channels:
  new:
    bindings:
      kafka: {topic: 5, partitionz: 3}
  old:
    bindings:
      kafka: {topic: t, topicConfiguration: {}, bindingVersion: '0.3.0'}
`
	probs, err := Validate("3.0.0", decodeYAML(t, src))
	if err != nil {
		t.Fatal(err)
	}
	got := describeProblems(probs)
	want := []string{
		`unknown-key channels/new/bindings/kafka/partitionz: Unknown key "partitionz" in the kafka channel binding. Did you mean "partitions"?`,
		`wrong-type channels/new/bindings/kafka/topic: Expected a string, found a number.`,
		`unknown-key channels/old/bindings/kafka/topicConfiguration: Unknown key "topicConfiguration" in the kafka channel binding.`,
	}
	if len(probs) != len(want) {
		t.Fatalf("got %s", got)
	}
	for i, w := range want {
		if p := probs[i]; p.Code+" "+strings.Join(p.Path, "/")+": "+p.Message != w {
			t.Errorf("problem %d:\n got %s\nwant %s", i, p.Code+" "+strings.Join(p.Path, "/")+": "+p.Message, w)
		}
	}
}

// 2.x bindings are {} in the schema: whatever they hold is accepted.
func TestBindings2xUnchecked(t *testing.T) {
	src := head26 + `
servers:
  prod:
    url: example.com
    protocol: kafka
    bindings:
      kafka: {whatever: 1, bindingVersion: '9.9.9'}
`
	probs, err := Validate("2.6.0", decodeYAML(t, src))
	if err != nil || len(probs) != 0 {
		t.Fatalf("%v %s", err, describeProblems(probs))
	}
}

// A schemaFormat the schema does not list is accepted, as the official parser does.
func TestUnknownSchemaFormatAccepted(t *testing.T) {
	for _, tc := range []struct{ version, src string }{
		{"3.0.0", head30 + "components:\n  messages:\n    m:\n      payload:\n        schemaFormat: application/x-protobuf\n        schema: 'message Foo { string bar = 1; }'\n"},
		{"3.1.0", head31 + "components:\n  schemas:\n    s:\n      schemaFormat: application/x-custom\n      schema: {anything: [1, 2]}\n"},
		{"2.6.0", head26 + "components:\n  messages:\n    m:\n      schemaFormat: application/x-protobuf\n      payload: 'message Foo {}'\n"},
	} {
		probs, err := Validate(tc.version, decodeYAML(t, tc.src))
		if err != nil || len(probs) != 0 {
			t.Errorf("%s: %v %s", tc.version, err, describeProblems(probs))
		}
	}
}

// Problems come sorted by path then message, without duplicates, the same on every run.
func TestProblemsSortedAndStable(t *testing.T) {
	src := head30 + `
channels:
  b: {adress: x, titl: y, servers: [{host: h}, {host: h}]}
  a: {address: 5, description: 6}
operations:
  op: {action: x, channel: {address: x}}
`
	doc := decodeYAML(t, src)
	first, err := Validate("3.0.0", doc)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		again, _ := Validate("3.0.0", doc)
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d differs:%s\nvs%s", i, describeProblems(first), describeProblems(again))
		}
	}
	seen := map[string]bool{}
	for i, p := range first {
		key := strings.Join(p.Path, "/") + p.Message
		if seen[key] {
			t.Errorf("duplicate %q", key)
		}
		seen[key] = true
		if i > 0 {
			prev := first[i-1]
			if c := comparePaths(prev.Path, p.Path); c > 0 || (c == 0 && prev.Message > p.Message) {
				t.Errorf("not sorted: %q before %q", prev.Path, p.Path)
			}
		}
	}
	if len(first) != 9 {
		t.Errorf("got %d problems:%s", len(first), describeProblems(first))
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"address", "messages", "parameters", "servers", "description", "title"}
	for word, want := range map[string]string{
		"adress": "address", "Adress": "address", "mesages": "messages", "servres": "servers",
		"desc": "description", "TITLE": "title", "zzz": "", "parametres": "parameters", "x": "",
	} {
		if got := closest(word, keys); got != want {
			t.Errorf("closest(%q) = %q, want %q", word, got, want)
		}
	}
}

// Validate and At are safe to call from many goroutines, the first calls included.
func TestConcurrentUse(t *testing.T) {
	doc := decodeYAML(t, head31+"channels:\n  c: {adress: x}\n")
	done := make(chan []Problem)
	for i := 0; i < 8; i++ {
		go func() {
			probs, _ := Validate("3.1.0", doc)
			At("3.1.0", doc, []string{"channels", "c"}).Keys()
			done <- probs
		}()
	}
	for i := 0; i < 8; i++ {
		if probs := <-done; len(probs) != 1 || probs[0].Suggestion != "address" {
			t.Errorf("%s", describeProblems(probs))
		}
	}
}

// TestSeparableRemembered asks Separable twice for paths whose joined forms
// would collide without the lengths, and checks both answers against the
// schema walk itself.
func TestSeparableRemembered(t *testing.T) {
	paths := [][]string{
		{"channels"}, {"channels", ""}, {"channels", "a"}, {"channels", "a", "messages"},
		{"components", "schemas", ""}, {"components", "schemas"}, {"info"}, {"info", "contact"},
		{"channels\x00a"}, {"channels", "a\x00messages"}, {"1:a"}, {"1", "a"}, {"servers", "x", "variables", ""},
	}
	for _, version := range []string{"2.6.0", "3.0.0"} {
		sp, err := load(version)
		if err != nil {
			t.Fatal(err)
		}
		for round := range 2 {
			for _, p := range paths {
				_, want := sp.memberSchemas(p)
				if got := Separable(version, p); got != want {
					t.Errorf("%s round %d: Separable(%q) = %v, want %v", version, round, p, got, want)
				}
			}
		}
	}
}
