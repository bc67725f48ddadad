package convert

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"
)

var update = flag.Bool("update", false, "rewrite the golden files of the conversion tests")

// TestGolden converts every testdata/golden/<name>.in.<ext> and compares
// the result with <name>.out.<ext>, and the notes with <name>.notes (one a
// line: pointer, message). A YAML input may start with a comment
// "# convert: to=3.1.0 perspective=client" to set options. -update
// rewrites the expected files. Every case also checks that the edits give
// the same text and that converting the result again changes nothing.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/golden/*.in.*")
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			opts := optionsFromHeader(t, string(text))
			res := convertText(t, in, text, opts)
			out := strings.Replace(in, ".in.", ".out.", 1)
			notesFile := strings.TrimSuffix(strings.Replace(in, ".in.", ".", 1), filepath.Ext(in)) + ".notes"
			var notes strings.Builder
			for _, n := range res.Notes {
				notes.WriteString(n.Pointer() + ": " + n.Message + "\n")
			}
			if *update {
				writeGolden(t, out, res.Text)
				writeGolden(t, notesFile, []byte(notes.String()))
				return
			}
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(res.Text) != string(want) {
				t.Errorf("converted text differs from %s:\n%s", out, lineDiff(string(want), string(res.Text)))
			}
			wantNotes, _ := os.ReadFile(notesFile)
			if notes.String() != string(wantNotes) {
				t.Errorf("notes differ from %s:\n got: %s\nwant: %s", notesFile, notes.String(), wantNotes)
			}
			checkResult(t, in, text, res, opts)
		})
	}
}

// checkResult checks what every conversion must give: edits that turn the
// original into the result, a result that parses, and a result that does
// not change when converted again.
func checkResult(t *testing.T, name string, text []byte, res *Result, opts Options) {
	t.Helper()
	applied := text
	for i := len(res.Edits) - 1; i >= 0; i-- {
		e := res.Edits[i]
		if i > 0 && res.Edits[i-1].End > e.Start {
			t.Fatalf("edits overlap: %v then %v", res.Edits[i-1], e)
		}
		var err error
		if applied, err = source.Apply(applied, e); err != nil {
			t.Fatalf("edit %v: %v", e, err)
		}
	}
	if string(applied) != string(res.Text) {
		t.Fatalf("the edits do not give the converted text:\n%s", lineDiff(string(res.Text), string(applied)))
	}
	doc := analysis.NewDocument(name, 2, res.Text)
	if errs := doc.File().Errors; len(errs) > 0 {
		t.Fatalf("the converted text does not parse: %s at %d\n%s", errs[0].Message, errs[0].Start, res.Text)
	}
	again, err := Convert(doc, Options{To: res.To, Perspective: opts.Perspective})
	if err != nil {
		t.Fatalf("converting the result again: %v", err)
	}
	if again.Changed() {
		t.Fatalf("converting the result again changes it:\n%s", lineDiff(string(res.Text), string(again.Text)))
	}
}

func convertText(t *testing.T, name string, text []byte, opts Options) *Result {
	t.Helper()
	res, err := Convert(analysis.NewDocument(name, 1, text), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func optionsFromHeader(t *testing.T, text string) Options {
	var opts Options
	first, _, _ := strings.Cut(text, "\n")
	rest, ok := strings.CutPrefix(first, "# convert:")
	if !ok {
		return opts
	}
	for _, f := range strings.Fields(rest) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "to":
			opts.To = v
		case "perspective":
			opts.Perspective = v
		default:
			t.Fatalf("unknown option %q", k)
		}
	}
	return opts
}

func writeGolden(t *testing.T, path string, data []byte) {
	t.Helper()
	if len(data) == 0 {
		os.Remove(path)
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// lineDiff shows the lines where two texts start to differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			var b strings.Builder
			for j := max(0, i-2); j < min(i+6, max(len(w), len(g))); j++ {
				if j < len(w) {
					b.WriteString("  want " + w[j] + "\n")
				}
				if j < len(g) {
					b.WriteString("  got  " + g[j] + "\n")
				}
			}
			return "line " + strconv.Itoa(i+1) + ":\n" + b.String()
		}
	}
	return "(equal)"
}
