package syntax

import (
	"strings"
	"testing"
)

// Each case marks the cursor with "|"; most documents do not parse.
func TestContextAt(t *testing.T) {
	for _, tc := range []struct {
		doc    string
		format Format
		path   string
		inKey  bool
		key    string
		prefix string
	}{
		{"asyncapi: 3.0.0\ninfo:\n  ti|", YAML, "info", true, "", "ti"},
		{"asyncapi: 3.0.0\ninfo:\n  title: \"unclosed\n  |", YAML, "info", true, "", ""},
		{"channels:\n  user:\n    address: a\n    mess|", YAML, "channels.user", true, "", "mess"},
		{"operations:\n  op:\n    action: |", YAML, "operations.op", false, "action", ""},
		{"operations:\n  op:\n    action: se|", YAML, "operations.op", false, "action", "se"},
		{"operations:\n  op:\n    messages:\n      - $ref: '#/chan|", YAML, "operations.op.messages.0", false, "$ref", "#/chan"},
		{"ops:\n  m:\n    - $ref: a\n    - $ref: b\n    - $ref: '|'\n", YAML, "ops.m.2", false, "$ref", ""},
		{"tags:\n- name: a\n- name: b\n  desc|", YAML, "tags.1", true, "", "desc"},
		{"a:\n  b:\n    c: 1\n  d: 2\n  |", YAML, "a", true, "", ""},
		{"a:\n  b:\n    c: 1\n\n    |", YAML, "a.b", true, "", ""},
		{"servers:\n  s:\n    url: x # comment: y\n    pro|", YAML, "servers.s", true, "", "pro"},
		{"x:\n  - - a: 1\n      b|", YAML, "x.0.0", true, "", "b"},
		{"info:\n\ttitle: x\n  ver|", YAML, "info", true, "", "ver"},
		{"k:\n  \"quoted key\":\n    |", YAML, "k.quoted key", true, "", ""},
		{`{"asyncapi": "3.0.0", "info": {"ti|`, JSON, "info", true, "", "ti"},
		{`{"info": {"title": "x"}, "operations": {"o": {"action": "|`, JSON, "operations.o", false, "action", ""},
		{`{"channels": {"c": {"messages": {"m": {"$ref": "#/comp|"}}}}}`, JSON, "channels.c.messages.m", false, "$ref", "#/comp"},
		{`{"tags": [{"name": "a"}, {"na|`, JSON, "tags.1", true, "", "na"},
		{`{"a": {"b": tr|`, JSON, "a", false, "b", "tr"},
		{`{"a": {"b": true}` + "\n" + `  |`, JSON, "", true, "", ""}, // after a complete member: the next name
		// YAML flow collections, on one line and over several.
		{"info: {title: T, ver|}", YAML, "info", true, "", "ver"},
		{"p:\n  payload: {type: ob|}", YAML, "p.payload", false, "type", "ob"},
		{"p:\n  payload: {type: object, properties: {id: {ty|", YAML, "p.payload.properties.id", true, "", "ty"},
		{"tags: [{name: a}, {na|", YAML, "tags.1", true, "", "na"},
		{"tags: [{name: a}, {name: b,\n  desc|", YAML, "tags.1", true, "", "desc"},
		{"list:\n  - {a: 1, b|", YAML, "list.0", true, "", "b"},
		{"req: [a, b|]", YAML, "req.1", true, "", "b"},
		{"k: {\"quoted key\": 'va|'}", YAML, "k", false, "quoted key", "va"},
		// Braces inside plain scalars and flows left open are not flows.
		{"channels:\n  c:\n    address: users/{us|", YAML, "channels.c", false, "address", "users/{us"},
		{"info:\n  tags: [\nchannels:\n  c:\n    |", YAML, "channels.c", true, "", ""},
	} {
		i := strings.Index(tc.doc, "|")
		text := []byte(tc.doc[:i] + tc.doc[i+1:])
		c := ContextAt(text, i, tc.format)
		if got := strings.Join(c.Path, "."); got != tc.path || c.InKey != tc.inKey || c.Prefix != tc.prefix || (!tc.inKey && c.Key != tc.key) {
			t.Errorf("%q: got path=%q inKey=%v key=%q prefix=%q; want %q %v %q %q", tc.doc, got, c.InKey, c.Key, c.Prefix, tc.path, tc.inKey, tc.key, tc.prefix)
		}
	}
}

func TestContextReplaceSpan(t *testing.T) {
	doc := "a:\n  b: 'par|'\n"
	i := strings.Index(doc, "|")
	text := []byte(doc[:i] + doc[i+1:])
	c := ContextAt(text, i, YAML)
	if got := string(text[c.ReplaceStart:c.ReplaceEnd]); got != "'par'" || c.Quote != '\'' {
		t.Errorf("replace %q quote %q", got, c.Quote)
	}
}
