package convert

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"asyncapi-ls/analysis"

	"go.yaml.in/yaml/v3"
)

// TestMeasureLayoutKept measures, over the 2.x YAML documents of the
// corpora, what of the author's text survives the conversion written by
// this package's printer, against the same converted tree written by yaml
// v3's node printer (our output decoded into yaml nodes, comments attached,
// and encoded): the other way to write a converted tree. Counted: input
// lines found verbatim in the output, blank lines, comments. The figures
// are logged (go test -run TestMeasureLayoutKept -v); the printer must keep
// every comment, and more lines and blank lines than yaml v3's.
func TestMeasureLayoutKept(t *testing.T) {
	var docs, lines, blanks, comments int
	var oursLines, oursBlanks, oursComments int
	var v3Lines, v3Blanks, v3Comments int
	for _, path := range corpusFiles(t) {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := analysis.NewDocument(path, 1, text)
		if version, _ := doc.SpecVersion(); !isV2(version) || doc.Format() != analysis.NewDocument("x.yaml", 0, nil).Format() || len(doc.File().Errors) > 0 {
			continue
		}
		res, err := Convert(doc, Options{})
		if err != nil {
			continue
		}
		var node yaml.Node
		if yaml.Unmarshal(res.Text, &node) != nil {
			continue
		}
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2) // the indentation of most documents
		if enc.Encode(&node) != nil {
			continue
		}
		docs++
		l, b, c := textFigures(text)
		lines, blanks, comments = lines+l, blanks+b, comments+c
		kept, keptBlanks := linesKept(text, res.Text)
		oursLines, oursBlanks = oursLines+kept, oursBlanks+keptBlanks
		oursComments += c - len(lostComments(t, text, res.Text))
		kept, keptBlanks = linesKept(text, buf.Bytes())
		v3Lines, v3Blanks = v3Lines+kept, v3Blanks+keptBlanks
		v3Comments += c - commentLinesLost(text, buf.Bytes())
	}
	if docs == 0 {
		t.Skip("no 2.x YAML documents")
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	t.Logf("%d 2.x YAML documents, %d lines (%d blank), %d comments", docs, lines, blanks, comments)
	t.Logf("convert:            %.1f%% of the lines kept verbatim, %.1f%% of the blank lines, %.1f%% of the comments", pct(oursLines, lines), pct(oursBlanks, blanks), pct(oursComments, comments))
	t.Logf("yaml v3's printer:  %.1f%% of the lines kept verbatim, %.1f%% of the blank lines, %.1f%% of the comments", pct(v3Lines, lines), pct(v3Blanks, blanks), pct(v3Comments, comments))
	if oursComments != comments || oursLines <= v3Lines || oursBlanks <= v3Blanks {
		t.Errorf("the printer keeps %d of %d comments, %d lines, %d blank lines (yaml v3: %d, %d)", oursComments, comments, oursLines, oursBlanks, v3Lines, v3Blanks)
	}
}

// textFigures counts lines, blank lines and comment lines (as yaml reads
// them) of a text.
func textFigures(text []byte) (lines, blanks, commentLines int) {
	for _, l := range strings.Split(strings.TrimSuffix(string(text), "\n"), "\n") {
		lines++
		if strings.TrimSpace(l) == "" {
			blanks++
		}
	}
	return lines, blanks, len(comments(text))
}

// linesKept counts the lines of before that after holds verbatim (as a
// multiset), and of those the blank ones.
func linesKept(before, after []byte) (kept, blanks int) {
	have := map[string]int{}
	for _, l := range strings.Split(string(after), "\n") {
		have[strings.TrimSuffix(l, "\r")]++
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(before), "\n"), "\n") {
		l = strings.TrimSuffix(l, "\r")
		if have[l] > 0 {
			have[l]--
			kept++
			if strings.TrimSpace(l) == "" {
				blanks++
			}
		}
	}
	return kept, blanks
}

func commentLinesLost(before, after []byte) int {
	count := map[string]int{}
	for _, c := range comments(before) {
		count[c]++
	}
	for _, c := range comments(after) {
		count[c]--
	}
	lost := 0
	for _, n := range count {
		lost += max(n, 0)
	}
	return lost
}
