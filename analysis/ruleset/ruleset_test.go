package ruleset_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/analysis/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// Each folder of testdata/ is a case: a ruleset (.spectral.yaml, .yml or
// .json) and the documents it lints (every other YAML or JSON file whose
// root has an "asyncapi" key; the others are files those reference).
// Markers in any YAML file of the case say what must be found:
//
//	#@find(rule)                  a finding of rule on this line
//	#@find(rule, "message part")  … whose message holds that text
//	#@problem("text", "message part")
//	                              (in a ruleset) a problem whose span starts
//	                              with text on this line
//
// Every finding of a rule the ruleset defines, or that a marker names, must
// be announced, and every marker met. findings.golden holds them all with
// their columns, severities and messages (go test -update rewrites it).

type marker struct {
	file string
	line int // 1-based
	name string
	args []string
}

var markerPattern = regexp.MustCompile(`#@(find|problem)\(((?:"(?:[^"\\]|\\.)*"|[^"()])*)\)`)

func markersOf(t *testing.T, file string, text []byte) []marker {
	var out []marker
	for i, line := range strings.Split(string(text), "\n") {
		for _, m := range markerPattern.FindAllStringSubmatch(line, -1) {
			var args []string
			for _, a := range strings.Split(m[2], ",") {
				a = strings.TrimSpace(a)
				if uq, err := strconv.Unquote(a); err == nil {
					a = uq
				}
				args = append(args, a)
			}
			if len(args) == 0 || args[0] == "" {
				t.Fatalf("%s:%d: bad marker %q", file, i+1, m[0])
			}
			out = append(out, marker{file: file, line: i + 1, name: m[1], args: args})
		}
	}
	return out
}

type finding struct {
	file      string
	line, col int
	endLine   int
	endCol    int
	severity  string
	code      string
	message   string
	docURL    string
}

func (f finding) String() string {
	s := fmt.Sprintf("%s:%d:%d-%d:%d %s [%s] %s", f.file, f.line, f.col, f.endLine, f.endCol, f.severity, f.code, f.message)
	if f.docURL != "" {
		s += " <" + f.docURL + ">"
	}
	return s
}

func TestCases(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no cases")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) { runCase(t, dir) })
	}
}

func runCase(t *testing.T, dir string) {
	abs, _ := filepath.Abs(dir)
	rsPath := ""
	for _, name := range ruleset.FileNames {
		if _, err := os.Stat(filepath.Join(abs, name)); err == nil {
			rsPath = filepath.Join(abs, name)
		}
	}
	if rsPath == "" {
		t.Fatalf("no ruleset in %s", dir)
	}
	rs := ruleset.Load(rsPath, ruleset.LoadOptions{Builtin: rules.All()})
	var markers []marker
	var docs []string
	texts := map[string][]byte{}
	filepath.WalkDir(abs, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains([]string{".yaml", ".yml", ".json"}, filepath.Ext(p)) {
			return nil
		}
		text, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(abs, p)
		texts[rel] = text
		markers = append(markers, markersOf(t, rel, text)...)
		if !ruleset.IsRulesetFile(p) && analysis.NewDocument(p, 0, text).IsAsyncAPI() {
			docs = append(docs, p)
		}
		return nil
	})
	codes := map[string]bool{}
	for _, m := range markers {
		if m.name == "find" {
			codes[m.args[0]] = true
		}
	}
	for _, name := range rs.RuleNames() {
		codes[name] = true
	}
	line := func(file string, offset int) (int, int) {
		return analysis.NewDocument(file, 0, texts[file]).Mapper.Column(offset)
	}
	var got []finding
	for _, p := range rs.Problems {
		rel, _ := filepath.Rel(abs, p.File)
		l, c := line(rel, p.Start)
		el, ec := line(rel, p.End)
		got = append(got, finding{file: rel, line: l, col: c, endLine: el, endCol: ec, severity: p.Severity.String(), code: "ruleset", message: p.Message})
	}
	ws := workspace.New(workspace.Options{})
	for _, doc := range docs {
		opts := config.New(nil, ws)
		rs.Apply(&opts, refs.FileURI(doc))
		d, err := ws.Load(refs.FileURI(doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, diag := range analysis.Analyze(d, opts) {
			if !codes[diag.Code] {
				continue
			}
			rel, _ := filepath.Rel(abs, refs.FilePath(d.URI))
			start, end := diag.Start, diag.End
			if diag.Origin != nil {
				rel, _ = filepath.Rel(abs, refs.FilePath(diag.Origin.URI))
				start, end = diag.Origin.Start, diag.Origin.End
				diag.Message = diag.Origin.Message
			}
			l, c := line(rel, start)
			el, ec := line(rel, end)
			got = append(got, finding{file: rel, line: l, col: c, endLine: el, endCol: ec, severity: diag.Severity.String(),
				code: diag.Code, message: diag.Message, docURL: diag.DocURL})
		}
	}
	got = unique(got)
	// Every finding announced, every marker met.
	met := make([]bool, len(markers))
	for _, f := range got {
		ok := false
		for i, m := range markers {
			if m.file != f.file || m.line != f.line {
				continue
			}
			switch {
			case m.name == "find" && m.args[0] == f.code && (len(m.args) < 2 || strings.Contains(f.message, m.args[1])):
			case m.name == "problem" && f.code == "ruleset" && strings.HasPrefix(lineText(texts[f.file], f.line)[f.col-1:], m.args[0]) &&
				(len(m.args) < 2 || strings.Contains(f.message, m.args[1])):
			default:
				continue
			}
			met[i], ok = true, true
		}
		if !ok {
			t.Errorf("unannounced: %s", f)
		}
	}
	for i, m := range markers {
		if !met[i] {
			t.Errorf("%s:%d: #@%s(%s) not met", m.file, m.line, m.name, strings.Join(m.args, ", "))
		}
	}
	var b strings.Builder
	for _, f := range got {
		b.WriteString(f.String() + "\n")
	}
	golden := filepath.Join(dir, "findings.golden")
	if *update {
		os.WriteFile(golden, []byte(b.String()), 0o644)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != b.String() {
		t.Errorf("findings differ from %s (go test -update rewrites it):\n--- want\n%s--- got\n%s", golden, want, b.String())
	}
}

func lineText(text []byte, line int) string {
	lines := strings.Split(string(text), "\n")
	if line-1 < len(lines) {
		return lines[line-1]
	}
	return ""
}

func unique(fs []finding) []finding {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.String() < b.String()
	})
	return slices.CompactFunc(fs, func(a, b finding) bool { return a.String() == b.String() })
}
