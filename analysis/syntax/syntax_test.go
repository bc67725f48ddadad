package syntax

import (
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Every scalar's span, parsed on its own, must give the scalar's value: this
// pins the span computation for every quoting style and for Unicode.
func TestScalarSpansReparse(t *testing.T) {
	docs := []string{
		"a: 1\nb: hello world\nc: \"q \\\" x\"\nd: 'it''s'\n",
		"emoji: \"😀\"\ncjk: 漢字 かな\nlist: [\"😀\", v, 3]\n",
		"plain: this is\n  folded over\n  lines\nnext: x\n",
		"\ufeffbom: yes\n",
		"crlf: a\r\nb: \"c\"\r\n",
		"tagged: &anc !!str  hi\nref: *anc\n",
		"flow: {k: v, n: [1, 2]}\nempty: {}\n",
		"key with spaces: value # comment\n",
		"seq:\n  - one\n  - \"two\"\n  - 'three'\n",
	}
	for _, doc := range docs {
		f := Parse([]byte(doc), YAML)
		if len(f.Errors) > 0 || f.Root == nil {
			t.Fatalf("%q: %v", doc, f.Errors)
		}
		Walk(f.Root, func(n *Node) {
			if n.Kind != Scalar || n.Tag() == "!!null" {
				return
			}
			src := doc[n.Start:n.End]
			var got string
			if err := yaml.Unmarshal([]byte(src), &got); err != nil {
				t.Errorf("%q: span %q of %q does not parse: %v", doc, src, n.Value, err)
				return
			}
			if got != n.Value {
				t.Errorf("%q: span %q parses to %q, want %q", doc, src, got, n.Value)
			}
		})
	}
}

func TestBlockScalarSpan(t *testing.T) {
	doc := "desc: |\n  line one\n\n  line two\nnext: 1\n"
	f := Parse([]byte(doc), YAML)
	v := f.Root.Get("desc")
	if got := doc[v.Start:v.End]; got != "|\n  line one\n\n  line two" {
		t.Fatalf("block span %q", got)
	}
}

func TestCollectionSpans(t *testing.T) {
	doc := "a:\n  b: 1\n  c: [x, y]\nd: {e: f}\n"
	f := Parse([]byte(doc), YAML)
	if got := doc[f.Root.Get("a").Start:f.Root.Get("a").End]; got != "b: 1\n  c: [x, y]" {
		t.Errorf("block mapping span %q", got)
	}
	if got := doc[f.Root.Get("d").Start:f.Root.Get("d").End]; got != "{e: f}" {
		t.Errorf("flow mapping span %q", got)
	}
}

func TestJSONSpans(t *testing.T) {
	doc := `{"asyncapi": "3.0.0", "info": {"title": "T😀", "n": 1.5, "ok": true, "z": null}, "l": [1, "x"]}`
	f := Parse([]byte(doc), JSON)
	if len(f.Errors) > 0 {
		t.Fatal(f.Errors)
	}
	title := f.Root.Find("info", "title")
	if got := doc[title.Start:title.End]; got != `"T😀"` {
		t.Errorf("title span %q", got)
	}
	if got := f.Root.Find("l", "1").Value; got != "x" {
		t.Errorf("l[1] = %q", got)
	}
	key := f.Root.Entry("info").Key
	if got := doc[key.Start:key.End]; got != `"info"` {
		t.Errorf("key span %q", got)
	}
}

func TestJSONErrors(t *testing.T) {
	for _, tc := range []struct{ doc, at string }{
		{`{"a": 1} x`, "x"},
		{`{"a": 1,, "b": 2}`, ","},
		{`{"a": tru}`, "}"},
		{`{"a": [1, 2}`, "}"},
	} {
		f := Parse([]byte(tc.doc), JSON)
		if len(f.Errors) != 1 {
			t.Errorf("%s: errors %v", tc.doc, f.Errors)
			continue
		}
		e := f.Errors[0]
		if !strings.HasPrefix(tc.doc[e.Start:], tc.at) {
			t.Errorf("%s: error at %q (%s), want at %q", tc.doc, tc.doc[e.Start:], e.Message, tc.at)
		}
	}
	f := Parse([]byte(`{"a": {"b": `), JSON)
	if len(f.Errors) != 1 || !strings.Contains(f.Errors[0].Message, "ends too early") {
		t.Errorf("truncated: %v", f.Errors)
	}
}

// The locator depends on yaml v3's error wording; an upgrade that changes it
// must fail here first.
func TestYAMLErrorFormatCanary(t *testing.T) {
	var n yaml.Node
	err := yaml.Unmarshal([]byte("a:\n\tb: 1\n"), &n)
	if err == nil || err.Error() != "yaml: line 2: found character that cannot start any token" {
		t.Fatalf("yaml error format changed: %v", err)
	}
}

func TestYAMLErrorLocations(t *testing.T) {
	for _, tc := range []struct{ doc, at, msg string }{
		{"a:\n  b: 1\n\tc: 2\n", "\tc", "Tabs"},
		{"info:\n  title: a: b\n", ": b", "plain value"},
		{"info:\n  title: \"open\n  version: 1\n", "\"open", "ends inside"},
		{"info:\n  b: 1\n c: 2\n", "c: 2", "indentation"},
		{"a: [1, 2\nb: 1\n", "", "flow sequence"},
	} {
		f := Parse([]byte(tc.doc), YAML)
		if len(f.Errors) != 1 {
			t.Errorf("%q: errors %v", tc.doc, f.Errors)
			continue
		}
		e := f.Errors[0]
		if !strings.HasPrefix(tc.doc[e.Start:], tc.at) || !strings.Contains(e.Message, tc.msg) {
			t.Errorf("%q: error at %q: %s; want at %q with %q", tc.doc, tc.doc[e.Start:], e.Message, tc.at, tc.msg)
		}
	}
}

func TestDuplicatesAndExtraDocuments(t *testing.T) {
	f := Parse([]byte("a: 1\nb: 2\na: 3\n---\nc: 1\n"), YAML)
	if len(f.Duplicates) != 1 || f.Duplicates[0].Value != "a" {
		t.Errorf("duplicates %v", f.Duplicates)
	}
	if len(f.ExtraDocuments) != 1 {
		t.Errorf("extra documents %v", f.ExtraDocuments)
	}
	if v, _ := f.Root.Get("a").Data(); v != nil && v.(interface{ String() string }).String() != "3" {
		t.Errorf("a = %v", v)
	}
}

// TestDuplicateKeysInOrder: a repeated key is noted once per repetition,
// in a small mapping (scanned) as in a big one (indexed), merge keys
// aside, in the order of the text (a value's own duplicates before the
// keys after it).
func TestDuplicateKeysInOrder(t *testing.T) {
	var big strings.Builder
	big.WriteString("big:\n")
	for i := range 20 {
		big.WriteString("  k" + strconv.Itoa(i) + ": 1\n")
	}
	big.WriteString("  k3: 2\n  k3: 3\n")
	doc := "base: &b {x: 1}\nsmall:\n  <<: *b\n  <<: *b\n  a: 1\n  inner: {c: 1, c: 2}\n  a: 2\n" + big.String() + "small: again\n"
	f := Parse([]byte(doc), YAML)
	var got []string
	for _, k := range f.Duplicates {
		got = append(got, k.Value+"@"+strconv.Itoa(strings.Count(doc[:k.Start], "\n")+1))
	}
	if want := "c@6 a@7 k3@29 k3@30 small@31"; strings.Join(got, " ") != want {
		t.Errorf("duplicates %v, want %s", got, want)
	}
}

func TestAliasBombIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	f := Parse([]byte(b.String()), YAML)
	if len(f.Errors) > 0 {
		return // yaml v3 refused the excessive aliasing itself
	}
	if _, err := f.Root.Data(); err != ErrTooLarge {
		t.Fatalf("alias bomb: err = %v", err)
	}
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+i/10)) + string(rune('0'+i%10)))
}

func TestAtOffset(t *testing.T) {
	doc := "channels:\n  user:\n    address: users/{id}\n"
	f := Parse([]byte(doc), YAML)
	loc := At(f.Root, strings.Index(doc, "users/"))
	if strings.Join(loc.Path, ".") != "channels.user.address" || loc.OnKey {
		t.Errorf("path %v onKey=%v", loc.Path, loc.OnKey)
	}
	loc = At(f.Root, strings.Index(doc, "user:")+2)
	if strings.Join(loc.Path, ".") != "channels.user" || !loc.OnKey {
		t.Errorf("key path %v onKey=%v", loc.Path, loc.OnKey)
	}
}

// TestMultiLinePlainSpans checks the end of plain scalars that continue on
// the next line, trailing spaces before the break included: the span
// covers every line of the value.
func TestMultiLinePlainSpans(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"a: x\n  y\nb: 1\n", "x\n  y"},
		{"a: x  \n  y\nb: 1\n", "x  \n  y"},
		{"a: x \t\n\n  y z\nb: 1\n", "x \t\n\n  y z"},
		{"a: x  y\nb: 1\n", "x  y"},
	} {
		f := Parse([]byte(tc.text), YAML)
		v := f.Root.Get("a")
		if v == nil || tc.text[v.Start:v.End] != tc.want {
			t.Errorf("%q: the value spans %q, want %q", tc.text, tc.text[v.Start:v.End], tc.want)
		}
	}
}
