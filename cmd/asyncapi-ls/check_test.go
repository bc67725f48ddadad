package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"asyncapi-ls/analysis/refs"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A document with one error (an undeclared channel parameter) and warnings.
const oneError = `asyncapi: 3.1.0
info:
  title: T
  version: '1'
channels:
  c:
    address: users/{id}/{kind}
    parameters:
      id: {}
`

func TestCheckFailLevel(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.yaml")
	writeFile(t, clean, "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\n")
	if _, _, code := runBinary(t, "check", clean); code != 0 {
		t.Errorf("warnings only, fail level error: code %d, want 0", code)
	}
	if _, _, code := runBinary(t, "check", "--fail-level", "warning", clean); code != 1 {
		t.Errorf("warnings only, fail level warning: code %d, want 1", code)
	}
	if _, _, code := runBinary(t, "check", "--fail-level", "loud", clean); code != 2 {
		t.Errorf("bad fail level: code %d, want 2", code)
	}
	if _, _, code := runBinary(t, "check", "--format", "xml", clean); code != 2 {
		t.Errorf("bad format: code %d, want 2", code)
	}
}

func TestCheckGitHubFormat(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a,b.yaml")
	writeFile(t, doc, oneError)
	out, _, code := runBinary(t, "check", "--format", "github", doc)
	if code != 1 {
		t.Fatalf("code %d\n%s", code, out)
	}
	line := regexp.MustCompile(`(?m)^::error file=([^,]*),line=7,col=(\d+),endLine=7,endColumn=(\d+),title=asyncapi-channel-parameters::(.*)$`)
	m := line.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no error annotation for the parameter:\n%s", out)
	}
	if !strings.HasSuffix(m[1], "a%2Cb.yaml") {
		t.Errorf("the file property is not escaped: %q", m[1])
	}
	if !strings.Contains(out, "::warning file=") || !strings.Contains(out, "title=asyncapi-info-contact::") {
		t.Errorf("no warning annotation:\n%s", out)
	}
}

// TestCheckSARIF checks the output against the structure of the SARIF 2.1.0
// schema that GitHub code scanning reads: required properties, types and
// the enumerations of level, and consistent rule indexes.
func TestCheckSARIF(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "doc.yaml"), oneError)
	cmdDir, _ := os.Getwd()
	defer os.Chdir(cmdDir)
	os.Chdir(dir)
	out, _, code := runBinary(t, "check", "--format", "sarif", "doc.yaml")
	if code != 1 {
		t.Fatalf("code %d", code)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if log["version"] != "2.1.0" || !strings.Contains(log["$schema"].(string), "sarif-2.1.0") {
		t.Fatalf("version/schema: %v %v", log["version"], log["$schema"])
	}
	runs := log["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("%d runs", len(runs))
	}
	run := runs[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "asyncapi-ls" {
		t.Errorf("driver name %v", driver["name"])
	}
	rules := driver["rules"].([]any)
	ids := map[string]int{}
	for i, r := range rules {
		rule := r.(map[string]any)
		id, _ := rule["id"].(string)
		if id == "" {
			t.Fatalf("rule %d without id", i)
		}
		if _, dup := ids[id]; dup {
			t.Errorf("rule %s twice", id)
		}
		ids[id] = i
		level := rule["defaultConfiguration"].(map[string]any)["level"]
		if !oneOf(level, "none", "note", "warning", "error") {
			t.Errorf("rule %s: level %v", id, level)
		}
		if _, ok := rule["shortDescription"].(map[string]any)["text"].(string); !ok {
			t.Errorf("rule %s: shortDescription.text missing", id)
		}
	}
	results := run["results"].([]any)
	found := false
	for _, r := range results {
		res := r.(map[string]any)
		id := res["ruleId"].(string)
		if idx := int(res["ruleIndex"].(float64)); idx != ids[id] {
			t.Errorf("result %s: ruleIndex %d, rule is at %d", id, idx, ids[id])
		}
		if !oneOf(res["level"], "none", "note", "warning", "error") {
			t.Errorf("result level %v", res["level"])
		}
		if _, ok := res["message"].(map[string]any)["text"].(string); !ok {
			t.Error("message.text missing")
		}
		loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		art := loc["artifactLocation"].(map[string]any)
		if art["uri"] != "doc.yaml" || art["uriBaseId"] != "%SRCROOT%" {
			t.Errorf("artifact %v", art)
		}
		region := loc["region"].(map[string]any)
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			if v, ok := region[k].(float64); !ok || v < 1 {
				t.Errorf("region.%s = %v", k, region[k])
			}
		}
		if id == "asyncapi-channel-parameters" && res["level"] == "error" && region["startLine"] == float64(7) {
			found = true
		}
	}
	if !found {
		t.Errorf("no error result for the undeclared parameter:\n%s", out)
	}
}

func oneOf(v any, options ...string) bool {
	for _, o := range options {
		if v == o {
			return true
		}
	}
	return false
}

// TestCheckProjectConfig: the project file found upward from a document
// sets levels and ignores files; a broken one is an error, not silence.
func TestCheckProjectConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".asyncapi-ls.yaml"), "rules:\n  asyncapi-channel-parameters: warning\n  asyncapi-3-tags: off\nignore:\n  - generated/**\n")
	writeFile(t, filepath.Join(dir, "api", "doc.yaml"), oneError)
	writeFile(t, filepath.Join(dir, "generated", "x", "bad.yaml"), "asyncapi: 3.1.0\ninfo: {}\n")
	out, errOut, code := runBinary(t, "check", dir)
	if code != 0 {
		t.Fatalf("code %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "warning: The parameter \"kind\"") || strings.Contains(out, "asyncapi-tags]") || strings.Contains(out, "bad.yaml") {
		t.Errorf("configuration not applied:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, ".asyncapi-ls.yaml"), "rules:\n  asyncapi-chanel-parameters: loud\n")
	_, errOut, code = runBinary(t, "check", dir)
	if code != 2 || !strings.Contains(errOut, `.asyncapi-ls.yaml:2:3: error: Unknown rule "asyncapi-chanel-parameters". Did you mean "asyncapi-channel-parameters"?`) {
		t.Errorf("invalid configuration: code %d\n%s", code, errOut)
	}
}

// beyondParser breaks a rule of the specification that the official parser
// does not check: an undeclared parameter in a channel without parameters.
const beyondParser = `asyncapi: 3.1.0
info:
  title: T
  version: '1'
channels:
  c:
    address: users/{id}
`

// TestCheckStrict: what the specification requires but the official parser
// does not check is a warning that says so; --strict or strict: true in the
// project file makes it an error.
func TestCheckStrict(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "api", "doc.yaml")
	writeFile(t, doc, beyondParser)
	const finding = `doc.yaml:7:20: %s: The parameter "id" is not declared in this channel's parameters. The specification requires this; the official parser does not check it. [asyncapi-channel-parameters]`
	for _, c := range []struct {
		name    string
		project string
		args    []string
		level   string
		code    int
	}{
		{"default", "", nil, "warning", 0},
		{"flag", "", []string{"--strict"}, "error", 1},
		{"project file", "strict: true\n", nil, "error", 1},
		{"project file off", "strict: false\n", nil, "warning", 0},
		{"flag over project file", "strict: false\n", []string{"--strict"}, "error", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.Remove(filepath.Join(dir, ".asyncapi-ls.yaml"))
			if c.project != "" {
				writeFile(t, filepath.Join(dir, ".asyncapi-ls.yaml"), c.project)
			}
			out, errOut, code := runBinary(t, append(append([]string{"check"}, c.args...), doc)...)
			if code != c.code || !strings.Contains(out, fmt.Sprintf(finding, c.level)) {
				t.Errorf("code %d, want %d; want %s in:\n%s%s", code, c.code, fmt.Sprintf(finding, c.level), out, errOut)
			}
		})
	}
	// A Spectral ruleset that sets levels of our rules keeps strict mode.
	writeFile(t, filepath.Join(dir, ".asyncapi-ls.yaml"), "strict: true\n")
	writeFile(t, filepath.Join(dir, ".spectral.yaml"), "extends: [\"spectral:asyncapi\"]\nrules:\n  asyncapi-info-contact: off\n")
	if out, errOut, code := runBinary(t, "check", doc); code != 1 || !strings.Contains(out, fmt.Sprintf(finding, "error")) || strings.Contains(out, "asyncapi-info-contact") {
		t.Errorf("strict with a ruleset: code %d\n%s%s", code, out, errOut)
	}
	os.Remove(filepath.Join(dir, ".spectral.yaml"))
	writeFile(t, filepath.Join(dir, ".asyncapi-ls.yaml"), "strict: yes please\n")
	if _, errOut, code := runBinary(t, "check", doc); code != 2 || !strings.Contains(errOut, ".asyncapi-ls.yaml:1:9: error: strict must be true or false.") {
		t.Errorf("invalid strict: code %d\n%s", code, errOut)
	}
}

// TestCheckSuppressionComment: a comment silences the next line.
func TestCheckSuppressionComment(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "doc.yaml")
	writeFile(t, doc, strings.Replace(oneError, "    address:", "    # asyncapi-ls-disable-next-line asyncapi-channel-parameters\n    address:", 1))
	out, _, code := runBinary(t, "check", doc)
	if code != 0 || strings.Contains(out, "asyncapi-channel-parameters") {
		t.Errorf("code %d\n%s", code, out)
	}
}

// TestRulesCommand: `asyncapi-ls rules` says for each rule whether the
// official parser enforces it, and at which level it reports by default
// and in strict mode.
func TestRulesCommand(t *testing.T) {
	out, _, code := runBinary(t, "rules", "--format", "json")
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	var list []ruleInfo
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	byCode := map[string]ruleInfo{}
	for _, r := range list {
		byCode[r.Code] = r
	}
	for code, want := range map[string][3]string{ // level, strict level, parser
		"asyncapi-operation-reply":                           {"warning", "error", "no"},
		"asyncapi3-operation-messages-from-referred-channel": {"error/warning", "error", "partly"},
		"asyncapi-message-examples":                          {"error/warning", "error", "2.0.0 – 2.x"},
		"asyncapi-operation-operationId-uniqueness":          {"error", "error", "yes"},
		"asyncapi-info-contact":                              {"warning", "warning", "no"},
	} {
		r := byCode[code]
		if got := [3]string{r.Level, r.StrictLevel, r.Parser}; got != want {
			t.Errorf("%s: level, strict level, parser = %q, want %q", code, got, want)
		}
	}
	text, _, _ := runBinary(t, "rules")
	if !regexp.MustCompile(`(?m)^asyncapi-operation-reply +warning +no +>= 3\.0\.0 `).MatchString(text) ||
		!strings.Contains(text, "the official parser rejects only these: channels that have a parameters object") {
		t.Errorf("text output:\n%s", text)
	}
}

// TestCheckQuotedDocument: a file that holds the JSON text of a document as
// one quoted string is rejected (the official parser finds no "asyncapi"
// key in it), not skipped as a file of another kind.
func TestCheckQuotedDocument(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "doc.yml")
	writeFile(t, doc, `"{\"asyncapi\": \"2.6.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"channels\": {}}"`+"\n")
	out, _, code := runBinary(t, "check", doc)
	if code != 1 || !strings.Contains(out, "doc.yml:1:1: error: This file holds one quoted string, not an AsyncAPI document") {
		t.Errorf("code %d\n%s", code, out)
	}
}

// TestCheckPathsThatAreNotPlain: in folders whose names hold "#", "%", "?",
// spaces or non-ASCII letters, relative references resolve as in a plain
// one: the only reference error of each folder is bad.yaml's missing file
// (server/testdata/paths/layout.txtar).
// The SARIF locations are escaped URIs of the same files.
func TestCheckPathsThatAreNotPlain(t *testing.T) {
	dir := t.TempDir()
	names := []string{"plain", "a#b", "100%", "%41", "with space", "ünïcödé", "a?b"}
	for _, name := range names {
		for _, f := range readArchive(t, "../../server/testdata/paths/layout.txtar") {
			writeFile(t, filepath.Join(dir, name, filepath.FromSlash(f.name)), f.data)
		}
	}
	out, errOut, code := runBinary(t, "check", "--format", "json", dir)
	if code != 1 {
		t.Fatalf("code %d\n%s", code, errOut)
	}
	var results []fileResult
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatal(err)
	}
	bad := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Severity != "error" {
				continue
			}
			if filepath.Base(r.Path) != "bad.yaml" || d.Code != "unresolved-ref" || bad[r.Path] {
				t.Errorf("%s:%d: [%s] %s", r.Path, d.Line, d.Code, d.Message)
			}
			bad[r.Path] = true
		}
	}
	if len(bad) != len(names) {
		t.Errorf("the missing file is reported in %d folders of %d", len(bad), len(names))
	}
	sarif, _, _ := runBinary(t, "check", "--format", "sarif", filepath.Join(dir, "a#b", "bad.yaml"))
	if !strings.Contains(sarif, `"uri": "`+refs.FileURI(filepath.ToSlash(filepath.Join(dir, "a#b", "bad.yaml")))+`"`) {
		t.Errorf("SARIF location is not the escaped file URI:\n%s", sarif)
	}
}

// TestCheckOrigin: a problem in content a "$ref" brings in from another
// file is reported at the "$ref", and the JSON output says where it is in
// that file (a folder name with a space, to keep it a real path).
func TestCheckOrigin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my api")
	writeFile(t, filepath.Join(dir, "doc.yaml"), "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\nchannels:\n  c:\n    messages:\n      m: {$ref: 'parts/messages.yaml#/M'}\n")
	writeFile(t, filepath.Join(dir, "parts", "messages.yaml"), "M:\n  payload:\n    type: 42\n")
	out, _, code := runBinary(t, "check", "--format", "json", filepath.Join(dir, "doc.yaml"))
	var results []fileResult
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != 1 || len(results) != 1 {
		t.Fatalf("code %d, %v\n%s", code, err, out)
	}
	for _, d := range results[0].Diagnostics {
		if d.Severity != "error" {
			continue
		}
		if d.Line != 6 || d.Origin == nil || d.Origin.File != filepath.Join(dir, "parts", "messages.yaml") || d.Origin.Line != 3 {
			t.Errorf("%+v (origin %+v)", d, d.Origin)
		}
		return
	}
	t.Errorf("no error:\n%s", out)
}

// TestCheckLimits: --max-nodes and --max-document-mb set the largest
// document analysed; one over them gets one document-too-large error.
func TestCheckLimits(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.yaml")
	writeFile(t, doc, "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\n")
	if out, _, code := runBinary(t, "check", doc); code != 0 || strings.Contains(out, "document-too-large") {
		t.Errorf("default limits: code %d\n%s", code, out)
	}
	out, _, code := runBinary(t, "check", "--max-nodes", "3", doc)
	if code != 1 || !strings.Contains(out, "[document-too-large]") || !strings.Contains(out, "--max-nodes") {
		t.Errorf("--max-nodes 3: code %d\n%s", code, out)
	}
	if _, _, code := runBinary(t, "check", "--max-document-mb", "0", doc); code != 2 {
		t.Errorf("--max-document-mb 0: code %d, want 2", code)
	}
}
