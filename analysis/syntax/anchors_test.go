package syntax

import (
	"strings"
	"testing"
)

func TestAnchorMarks(t *testing.T) {
	text := `base: &base
  type: object
list:
  - &first one
  - *first
  - [&a 1, *a, {k: &b v, j: *b}]
plain: Tom &Jerry and *stars
quoted: "&not an anchor" # &nor this
'key': !!map &tagged
  x: 1
merge:
  <<: *base
text: |
  &inside a block scalar
  *alias too
after: *tagged
`
	var got []string
	for _, m := range AnchorMarks([]byte(text), YAML) {
		kind := "&"
		if m.Alias {
			kind = "*"
		}
		if text[m.Start:m.End] != kind+m.Name {
			t.Errorf("span %q for %s%s", text[m.Start:m.End], kind, m.Name)
		}
		got = append(got, kind+m.Name)
	}
	want := "&base &first *first &a *a &b *b &tagged *base *tagged"
	if strings.Join(got, " ") != want {
		t.Errorf("marks:\n got  %s\n want %s", strings.Join(got, " "), want)
	}
	if AnchorMarks([]byte(`{"a": "&b"}`), JSON) != nil {
		t.Error("JSON has no anchors")
	}
	marks := AnchorMarks([]byte("a: &x 1\nb: *x\nc: &x 2\nd: *x\n"), YAML)
	if a, ok := AnchorFor(marks, "x", marks[3].Start); !ok || a.Start != marks[2].Start {
		t.Errorf("the second *x refers to the second &x: %+v", a)
	}
	if a, ok := AnchorFor(marks, "x", marks[1].Start); !ok || a.Start != marks[0].Start {
		t.Errorf("the first *x refers to the first &x: %+v", a)
	}
}
