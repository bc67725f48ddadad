package incremental

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"asyncapi-ls/analysis/syntax"
)

// factChecker compares what a State keeps with the same facts computed from
// scratch, on every run of the equivalence test.
type factChecker struct {
	t testing.TB
}

// plan: the plan made from the previous one equals a plan of the whole text.
func (v *factChecker) plan(text []byte, top []*chunk) {
	v.t.Helper()
	want, ok := plan(text, scanLines(text, nil))
	if !ok {
		v.t.Fatalf("replanned a text that does not plan:\n%s", text)
	}
	if g, w := chunkString(top), chunkString(want); g != w {
		v.t.Fatalf("replanned chunks differ:\n%s\nwant\n%s\ntext:\n%s", g, w, text)
	}
}

func chunkString(cs []*chunk) string {
	s := ""
	for _, c := range cs {
		s += fmt.Sprintf("[%d %d", c.start, c.end)
		if c.children == nil && (c.entries > 1 || c.closed) {
			s += fmt.Sprintf(" %d entries closed %v", c.entries, c.closed)
		}
		if c.children != nil {
			s += " " + chunkString(c.children)
		}
		s += "]"
	}
	return s
}

func (v *factChecker) totals(text []byte, structural int, valid bool) {
	v.t.Helper()
	if want := syntax.Structural(text); structural != want {
		v.t.Fatalf("the sections count %d structural bytes, the text %d:\n%s", structural, want, text)
	}
	if want := utf8.Valid(text); valid != want {
		v.t.Fatalf("the sections say valid UTF-8 %v, the text %v:\n%s", valid, want, text)
	}
}
