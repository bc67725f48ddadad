package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"asyncapi-ls/analysis/refs"
)

var update = flag.Bool("update", false, "rewrite golden files")

// rulesetFindings keeps the findings of the given rules from check's JSON
// output, as "file:line:col severity [code] message" lines.
func rulesetFindings(t *testing.T, out string, codes map[string]bool) []string {
	t.Helper()
	var results []fileResult
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var lines []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if codes[d.Code] {
				lines = append(lines, fmt.Sprintf("%s:%d:%d-%d:%d %s [%s] %s <%s>", filepath.ToSlash(r.Path), d.Line, d.Column, d.EndLine, d.EndColumn, d.Severity, d.Code, d.Message, d.DocURL))
			}
		}
	}
	sort.Strings(lines)
	return lines
}

func golden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.WriteFile(path, []byte(got), 0o644)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (go test -update rewrites it):\n--- want\n%s--- got\n%s", path, want, got)
	}
}

// TestCheckRuleset runs the real binary with --ruleset on the resolved
// case of analysis/ruleset (findings in the referenced files too) in every
// format: JSON against a golden file, the others carry the same findings.
func TestCheckRuleset(t *testing.T) {
	dir := "../../analysis/ruleset/testdata/resolved"
	codes := map[string]bool{"property-description": true, "payload-type-as-written": true, "message-name": true}
	args := []string{"check", "--ruleset", dir + "/.spectral.yaml", dir + "/asyncapi.yaml"}
	out, stderr, code := runBinary(t, append(args[:1:1], append([]string{"--format", "json"}, args[1:]...)...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
	found := rulesetFindings(t, out, codes)
	golden(t, "check-ruleset.golden", strings.Join(found, "\n")+"\n")
	for _, format := range []string{"text", "github", "sarif"} {
		out, _, _ := runBinary(t, append(args[:1:1], append([]string{"--format", format}, args[1:]...)...)...)
		for _, f := range found {
			file, rest, _ := strings.Cut(f, ":")
			line, _, _ := strings.Cut(rest, ":")
			code := f[strings.Index(f, "[")+1 : strings.Index(f, "]")]
			var want string
			switch format {
			case "text":
				want = file + ":" + line + ":"
			case "github":
				want = "file=" + file + ",line=" + line + ","
			case "sarif":
				abs, _ := filepath.Abs(file)
				want = `"uri": "` + refs.FileURI(filepath.ToSlash(abs)) + `"`
			}
			if !strings.Contains(out, want) || !strings.Contains(out, code) {
				t.Errorf("%s output lacks %s (%s)", format, f, want)
			}
		}
	}
}

// TestCheckRulesetProblems: a ruleset with mistakes exits 2 with each
// mistake on stderr at its place, and its sound rules still run.
func TestCheckRulesetProblems(t *testing.T) {
	dir := "../../analysis/ruleset/testdata/problems"
	out, stderr, code := runBinary(t, "check", "--ruleset", dir+"/.spectral.yaml", dir+"/asyncapi.yaml")
	if code != 2 {
		t.Errorf("code %d, want 2", code)
	}
	for _, want := range []string{
		": error: Unknown function \"truthi\"",
		": error: Invalid JSONPath",
		"[ruleset]",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "[still-runs]") {
		t.Errorf("the sound rule did not run:\n%s", out)
	}
}

// TestCheckRulesetLookup: without --ruleset, the project file's ruleset:
// wins over the nearest .spectral.yaml, which applies otherwise; a
// JavaScript function is a warning on stderr, not a failure.
func TestCheckRulesetLookup(t *testing.T) {
	dir := t.TempDir()
	rule := func(name string) string {
		return "functions: [jsOnly]\nrules:\n  " + name + ":\n    given: $.info\n    then:\n      field: description\n      function: truthy\n" +
			"  js:\n    given: $\n    then:\n      function: jsOnly\n"
	}
	writeFile(t, filepath.Join(dir, "api", ".spectral.yaml"), rule("nearest-rule"))
	writeFile(t, filepath.Join(dir, "api", "doc.yaml"), "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\n")
	out, stderr, code := runBinary(t, "check", filepath.Join(dir, "api", "doc.yaml"))
	if code != 0 || !strings.Contains(out, "[nearest-rule]") || !strings.Contains(stderr, `warning: The rule "js" uses the JavaScript function "jsOnly"`) {
		t.Errorf("nearest ruleset: code %d\n%s\n%s", code, out, stderr)
	}
	writeFile(t, filepath.Join(dir, "rules", "team.yaml"), rule("team-rule"))
	writeFile(t, filepath.Join(dir, ".asyncapi-ls.yaml"), "ruleset: rules/team.yaml\nrules:\n  team-rule: error\n")
	out, _, code = runBinary(t, "check", filepath.Join(dir, "api", "doc.yaml"))
	if !strings.Contains(out, "error: \"info.description\"") || !strings.Contains(out, "[team-rule]") || strings.Contains(out, "[nearest-rule]") || code != 1 {
		t.Errorf("project ruleset, its rule raised to error by the project's levels: code %d\n%s", code, out)
	}
}
