package preview

import (
	"bytes"
	"html/template"
	"testing"
)

// escapeContexts writes one string in every context markup escapes for, once
// through html/template (the reference) and once through markup.
var escapeContexts = template.Must(template.New("").Parse(
	`<p title="{{.}}" data-ref="{{.}}">{{.}}</p><a href="#{{.}}">x</a><a href="{{.}}">x</a><a href="mailto:{{.}}">x</a>`))

func writeContexts(s string) string {
	var m markup
	m.raw(`<p title="`)
	m.text(s)
	m.raw(`" data-ref="`)
	m.text(s)
	m.raw(`">`)
	m.text(s)
	m.raw(`</p><a href="#`)
	m.anchor(s)
	m.raw(`">x</a><a href="`)
	m.href(s)
	m.raw(`">x</a><a href="mailto:`)
	m.normalizedURL(s)
	m.raw(`">x</a>`)
	return string(m.b)
}

// FuzzMarkupEscapes: markup escapes every string exactly as html/template
// does in the same place, so the page follows one escaping policy whether
// a part is written by the template or directly.
func FuzzMarkupEscapes(f *testing.F) {
	for _, s := range []string{"", "plain", `<script>alert("x")</script>`, "a&b'c+d", "\x00nul", "\xff\xfe bad utf-8",
		"javascript:alert(1)", "JavaScript:x", "http://e.org/a b?c=d&e=%zz%41#f", "mailto:a@b.c", "/relative:path", "ünï€ode",
		"%", "%4", "%4g", "a:b/c", "data:text/html,x", "\uFDD0\uFFFE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := escapeContexts.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := writeContexts(s); got != want.String() {
			t.Fatalf("for %q\n got %s\nwant %s", s, got, want.String())
		}
	})
}
