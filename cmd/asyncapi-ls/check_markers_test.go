package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCheckMarkers runs `check` on test documents of the analysis and the
// server (the editor's diagnostics fixtures among them) and requires, in each AsyncAPI file, the diagnostics its #@diag
// markers announce (line, range text, code, message part), and no error
// that none announces (#@otherError(code) announces one of another check): the editor and CI must say the same. Multi-file
// archives (server/testdata/references) are written to a folder first,
// markers blanked, as the server tests do.
func TestCheckMarkers(t *testing.T) {
	var files []string
	archives, _ := filepath.Glob("../../server/testdata/references/resolved_*.txtar")
	for _, a := range archives {
		files = append(files, extractArchive(t, a)...)
	}
	// The editor's diagnostics fixtures (syntax, structure, 2.x fields in
	// 3.x documents, quoted and broken documents).
	fixtures, _ := filepath.Glob("../../server/testdata/diagnostics/*")
	for _, f := range fixtures {
		files = append(files, blankedCopy(t, f))
	}
	for _, dir := range checkedRuleFixtures {
		found, _ := filepath.Glob(filepath.Join("../../analysis/rules/testdata", dir, "v*"))
		for _, f := range found {
			files = append(files, blankedCopy(t, f))
		}
	}
	if len(files) == 0 {
		t.Fatal("no test documents")
	}
	out, stderr, _ := runBinary(t, append([]string{"check", "--format", "json"}, files...)...)
	var results []struct {
		File        string
		Diagnostics []reportedDiagnostic
	}
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr)
	}
	byFile := map[string][]reportedDiagnostic{}
	for _, r := range results {
		byFile[r.File] = r.Diagnostics
	}
	for _, f := range files {
		raw, _ := os.ReadFile(f + ".markers")
		if !strings.Contains(string(raw), "asyncapi:") && !strings.Contains(string(raw), `"asyncapi"`) {
			continue
		}
		text, _ := os.ReadFile(f)
		checkFileMarkers(t, f, string(raw), strings.Split(string(text), "\n"), byFile[f])
	}
}

// checkedRuleFixtures are the rule fixture folders whose documents this
// test runs through check.
var checkedRuleFixtures = []string{"asyncapi-payload-schema",
	"asyncapi-channel-parameters", "asyncapi-channel-no-query-nor-fragment", "asyncapi-message-examples", "asyncapi-schema-examples",
	"asyncapi-operation-operationId-uniqueness", "asyncapi-message-messageId-uniqueness"}

type reportedDiagnostic struct {
	Line, Column, EndLine, EndColumn int
	Severity, Code, Message          string
}

var otherErrorMarker = regexp.MustCompile(`#@otherError\(([\w.-]+)\)`)

var diagMarker = regexp.MustCompile(`#@(diag|diagAbove|diagBelow)\(("(?:[^"\\]|\\.)*"),\s*([\w.-]+)(?:,\s*("(?:[^"\\]|\\.)*"))?\)`)

func checkFileMarkers(t *testing.T, file, marked string, lines []string, got []reportedDiagnostic) {
	t.Helper()
	used := make([]bool, len(got))
	for i, line := range strings.Split(marked, "\n") {
		for _, m := range otherErrorMarker.FindAllStringSubmatch(line, -1) {
			for j, d := range got {
				if !used[j] && d.Line == i+1 && d.Code == m[1] {
					used[j] = true // an error of another check, announced
					break
				}
			}
		}
		for _, m := range diagMarker.FindAllStringSubmatch(line, -1) {
			at := i + 1
			switch m[1] {
			case "diagAbove":
				at--
			case "diagBelow":
				at++
			}
			text, _ := strconv.Unquote(m[2])
			msg := ""
			if m[4] != "" {
				msg, _ = strconv.Unquote(m[4])
			}
			found := false
			for j, d := range got {
				if used[j] || d.Line != at || d.Code != m[3] || d.EndLine != d.Line || !strings.Contains(d.Message, msg) {
					continue
				}
				src := lines[d.Line-1]
				if d.Column < 1 || d.EndColumn-1 > len(src) || src[d.Column-1:d.EndColumn-1] != text {
					continue
				}
				used[j], found = true, true
				break
			}
			if !found {
				t.Errorf("%s:%d: check reports no %s on %q (message with %q); got %+v", filepath.Base(file), at, m[3], text, msg, got)
			}
		}
	}
	for j, d := range got {
		if !used[j] && d.Severity == "error" {
			t.Errorf("%s:%d: unannounced error [%s] %s", filepath.Base(file), d.Line, d.Code, d.Message)
		}
	}
}

// extractArchive writes the files of a txtar archive to a new folder,
// markers blanked; each file's marked text is kept beside it (.markers).
func extractArchive(t *testing.T, path string) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for _, f := range readArchive(t, path) {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		writeBlanked(t, p, f.data)
		files = append(files, p)
	}
	return files
}

type archiveFile struct{ name, data string }

// readArchive reads the files of a txtar archive (names starting with "."
// left out).
func readArchive(t *testing.T, path string) []archiveFile {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var files []archiveFile
	var name string
	var data strings.Builder
	flush := func() {
		if name != "" && !strings.HasPrefix(name, ".") {
			files = append(files, archiveFile{name, data.String()})
		}
	}
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name, data = strings.TrimSpace(trimmed[3:len(trimmed)-3]), strings.Builder{}
			continue
		}
		data.WriteString(line)
	}
	flush()
	return files
}

// blankedCopy copies a fixture to a new folder, markers blanked.
func blankedCopy(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), filepath.Base(path))
	writeBlanked(t, p, string(raw))
	return p
}

// writeBlanked writes text with every #@ marker replaced by spaces (so JSON
// stays JSON and columns stay put), and the marked text beside it.
func writeBlanked(t *testing.T, p, text string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if j := strings.Index(l, "#@"); j >= 0 {
			lines[i] = strings.TrimRight(l[:j], " ")
		}
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p+".markers", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
