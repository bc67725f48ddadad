package conformance

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/workspace"
)

// corpusDir is the official corpus beside the repository (read-only, optional).
const corpusDir = "../../shared/corpus"

type verdict struct {
	File        string `json:"file"`
	Version     string `json:"version"`
	Valid       bool   `json:"valid"`
	NetworkOnly bool   `json:"invalid_only_due_to_network"`
	Errors      []struct {
		Code    string   `json:"code"`
		Message string   `json:"message"`
		Path    []string `json:"path"`
		Range   struct {
			Start struct{ Line, Character int }
			End   struct{ Line, Character int }
		} `json:"range"`
	} `json:"errors"`
}

// loadStricter reads stricter.tsv: the documents the parser accepts
// although the specification says otherwise, each with the reason.
func loadStricter(t *testing.T) map[string]string {
	data, err := os.ReadFile("stricter.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, reason, ok := strings.Cut(line, "\t")
		if !ok || reason == "" {
			t.Fatalf("stricter.tsv: %q needs a path, a tab and a reason", line)
		}
		out[path] = reason
	}
	return out
}

// TestOfficialVerdicts compares our verdict (any error or none) with the
// official parser's on every 2.x/3.x document of the corpus, with the
// options the editor and `check` use.
func TestOfficialVerdicts(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "official-verdicts.jsonl"))
	if err != nil {
		t.Skip("official corpus not present:", err)
	}
	defer f.Close()
	stricter := loadStricter(t)
	agree, total, parserErrs, locAgree := 0, 0, 0, 0
	var disagreements []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(v.Version, "1.") || v.NetworkOnly {
			continue
		}
		path, _ := filepath.Abs(filepath.Join(corpusDir, v.File))
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := analysis.NewDocument("file://"+path, 1, text)
		var errs []string
		var errLines []int
		for _, d := range analysis.Analyze(doc, config.New(nil, workspace.New(workspace.Options{}))) {
			if d.Severity == analysis.SeverityError {
				line, col := doc.Mapper.Column(d.Start)
				errLines = append(errLines, line-1)
				errs = append(errs, strconv.Itoa(line)+":"+strconv.Itoa(col)+" ["+d.Code+"] "+d.Message)
			}
		}
		total++
		if !v.Valid {
			for _, e := range v.Errors {
				parserErrs++
				for _, d := range errLines {
					if d >= e.Range.Start.Line && d <= e.Range.End.Line {
						locAgree++
						break
					}
				}
			}
		}
		ours := len(errs) == 0
		if ours == v.Valid {
			agree++
			continue
		}
		if reason, ok := stricter[v.File]; ok && !ours {
			agree++
			t.Logf("%s: stricter than the parser on purpose: %s", v.File, reason)
			continue
		}
		if v.Valid {
			disagreements = append(disagreements, v.File+": the parser finds it valid; we report:\n    "+strings.Join(errs, "\n    "))
			continue
		}
		var theirs []string
		for _, e := range v.Errors {
			theirs = append(theirs, strconv.Itoa(e.Range.Start.Line+1)+" ["+e.Code+"] "+e.Message)
		}
		disagreements = append(disagreements, v.File+": the parser finds it invalid; we find no error. Parser:\n    "+strings.Join(theirs, "\n    "))
	}
	t.Logf("official corpus: %d of %d documents agree (%.1f%%)", agree, total, 100*float64(agree)/float64(max(total, 1)))
	t.Logf("error locations: %d of %d parser errors have one of ours within their range (%.1f%%)", locAgree, parserErrs, 100*float64(locAgree)/float64(max(parserErrs, 1)))
	for _, d := range disagreements {
		t.Log(d)
	}
	if agree != total {
		t.Errorf("%d disagreements with the official parser", total-agree)
	}
}
