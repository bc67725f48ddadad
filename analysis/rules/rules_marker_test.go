package rules_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/schemas"
)

// Rule fixtures live in testdata/<rule code>/ and are named v2-… or v3-…
// after the version family they exercise, with "pass" or "fail" in the name:
//
//	#@diag("range text", code, "message part")   a finding of the rule on this line
//	#@diagAbove(…) / #@diagBelow(…)              … on the line above / below
//	#@otherError(code)                           an error of another rule on this line
//
// A fixture must produce exactly the findings of its folder's rule that its
// markers announce (a pass fixture: none), and no error of any other code
// but those announced with otherError (a mistake that is also invalid
// structure), so that it stays a valid document apart from what it tests. Every rule,
// even one that is off by default, runs.

type marker struct {
	line int
	name string
	args []string
}

var markerPattern = regexp.MustCompile(`#@(diag|diagAbove|diagBelow|otherError)\(((?:"(?:[^"\\]|\\.)*"|[^"()])*)\)`)

func parseMarkers(t *testing.T, text []byte) []marker {
	var out []marker
	for i, line := range strings.Split(string(text), "\n") {
		for _, m := range markerPattern.FindAllStringSubmatch(strings.TrimRight(line, "\r"), -1) {
			args, err := splitArgs(m[2])
			if err != nil || len(args) < 2 && m[1] != "otherError" || len(args) < 1 {
				t.Fatalf("line %d: bad marker %q", i+1, m[0])
			}
			out = append(out, marker{line: i, name: m[1], args: args})
		}
	}
	return out
}

func splitArgs(s string) ([]string, error) {
	var args []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), ",")) {
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, err
			}
			v, _ := strconv.Unquote(q)
			args, s = append(args, v), s[len(q):]
			continue
		}
		end := strings.IndexByte(s, ',')
		if end < 0 {
			end = len(s)
		}
		args, s = append(args, strings.TrimSpace(s[:end])), s[end:]
	}
	return args, nil
}

// allOn turns on the rules that are off by default.
func allOn() analysis.Options {
	levels := map[string]analysis.Severity{}
	for _, r := range rules.All() {
		if r.Severity == analysis.SeverityOff {
			levels[r.Code] = analysis.SeverityWarning
		}
	}
	return config.New(&config.Config{Levels: levels}, workspace.New(workspace.Options{}))
}

func ruleCodes() map[string]analysis.Rule {
	out := map[string]analysis.Rule{}
	for _, r := range rules.All() {
		out[r.Code] = r
	}
	return out
}

func TestRuleFixtures(t *testing.T) {
	byCode := ruleCodes()
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no fixtures")
	}
	opts := allOn()
	for _, dir := range dirs {
		code := filepath.Base(dir)
		if _, ok := byCode[code]; !ok {
			t.Errorf("%s: no rule has this code", dir)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "v[23]-*"))
		for _, file := range files {
			t.Run(code+"/"+filepath.Base(file), func(t *testing.T) {
				raw, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				markers := parseMarkers(t, raw)
				text := raw
				if strings.HasSuffix(file, ".json") {
					text = blankMarkers(raw)
				}
				abs, _ := filepath.Abs(file)
				doc := analysis.NewDocument("file://"+abs, 1, text)
				others := map[string]bool{}
				var ownMarkers []marker
				for _, m := range markers {
					if m.name == "otherError" {
						others[fmt.Sprint(m.line+1, m.args[0])] = true
						continue
					}
					ownMarkers = append(ownMarkers, m)
				}
				var mine []analysis.Diagnostic
				for _, d := range analysis.Analyze(doc, opts) {
					line, _ := doc.Mapper.Column(d.Start)
					switch {
					case d.Code == code:
						mine = append(mine, d)
					case d.Severity == analysis.SeverityError && others[fmt.Sprint(line, d.Code)]:
						delete(others, fmt.Sprint(line, d.Code))
					case d.Severity == analysis.SeverityError:
						t.Errorf("line %d: unrelated error [%s] %s", line, d.Code, d.Message)
					}
				}
				for k := range others {
					t.Errorf("announced error not reported: %s", k)
				}
				markers = ownMarkers
				checkMarkers(t, doc, code, markers, mine)
				if strings.Contains(filepath.Base(file), "pass") != (len(markers) == 0) {
					t.Errorf("a pass fixture has no markers and a fail fixture has some")
				}
			})
		}
	}
}

func blankMarkers(text []byte) []byte {
	lines := bytes.Split(text, []byte("\n"))
	for i, l := range lines {
		if j := bytes.Index(l, []byte("#@")); j >= 0 {
			lines[i] = append(l[:j:j], bytes.Repeat([]byte(" "), len(l)-j)...)
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

func checkMarkers(t *testing.T, doc *analysis.Document, code string, markers []marker, got []analysis.Diagnostic) {
	t.Helper()
	used := make([]bool, len(got))
	for _, mk := range markers {
		line := mk.line
		switch mk.name {
		case "diagAbove":
			line--
		case "diagBelow":
			line++
		}
		if mk.args[1] != code {
			t.Errorf("line %d: marker for %s in the fixtures of %s", mk.line+1, mk.args[1], code)
		}
		found := false
		for i, d := range got {
			l, _ := doc.Mapper.Column(d.Start)
			if used[i] || l-1 != line || string(doc.Text[d.Start:d.End]) != mk.args[0] {
				continue
			}
			if len(mk.args) > 2 && !strings.Contains(d.Message, mk.args[2]) {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			t.Errorf("line %d: no %s finding on %q; got:\n%s", line+1, code, mk.args[0], describe(doc, got))
		}
	}
	for i, d := range got {
		if !used[i] {
			l, _ := doc.Mapper.Column(d.Start)
			t.Errorf("unexpected finding at line %d on %q: %s", l, doc.Text[d.Start:d.End], d.Message)
		}
	}
}

func describe(doc *analysis.Document, ds []analysis.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		l, _ := doc.Mapper.Column(d.Start)
		fmt.Fprintf(&b, "  line %d %q: %s\n", l, doc.Text[d.Start:d.End], d.Message)
	}
	return b.String()
}

// TestEveryRuleHasFixtures requires a passing and a failing fixture for
// each version family (2.x, 3.x) a rule applies to.
func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range rules.All() {
		for _, family := range []string{"2", "3"} {
			applies := false
			for _, v := range schemas.Supported() {
				applies = applies || (strings.HasPrefix(v, family+".") && r.Versions.Contains(v))
			}
			if !applies {
				continue
			}
			for _, kind := range []string{"pass", "fail"} {
				m, _ := filepath.Glob(filepath.Join("testdata", r.Code, "v"+family+"-"+kind+"*"))
				if len(m) == 0 {
					t.Errorf("%s: no v%s %s fixture", r.Code, family, kind)
				}
			}
		}
	}
}

// TestRuleMetadata keeps codes unique and every rule documented.
func TestRuleMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		for _, c := range append([]string{r.Code}, r.Aliases...) {
			if seen[c] {
				t.Errorf("code %s used twice", c)
			}
			seen[c] = true
		}
		if r.Description == "" || !strings.HasPrefix(r.DocURL, "https://") || r.Check == nil || r.Severity == 0 {
			t.Errorf("%s: incomplete metadata", r.Code)
		}
	}
}
