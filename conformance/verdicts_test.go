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
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

// corpusDir is the official corpus beside the repository (read-only, optional).
const corpusDir = "../../shared/corpus"

// minLocated is the share of the parser's errors that must have one of ours
// within their range.
const minLocated = 0.95

type verdict struct {
	File           string   `json:"file"`
	Version        string   `json:"version"`
	Valid          bool     `json:"valid"`
	NetworkBlocked []string `json:"network_blocked"`
	Errors         []struct {
		Code    string   `json:"code"`
		Message string   `json:"message"`
		Path    []string `json:"path"`
		Source  string   `json:"source"` // the file the error is in, when not the document
		Range   struct {
			Start struct{ Line, Character int }
			End   struct{ Line, Character int }
		} `json:"range"`
	} `json:"errors"`
}

// place is a 0-based line of a file.
type place struct {
	file string
	line int
}

// originPlace is where in another file a diagnostic's problem is, for
// content a "$ref" brings in.
func originPlace(d analysis.Diagnostic) (place, bool) {
	if d.Origin == nil {
		return place{}, false
	}
	p := filepath.FromSlash(refs.FilePath(d.Origin.URI))
	text, err := os.ReadFile(p)
	if err != nil {
		return place{}, false
	}
	line, _ := analysis.NewDocument(d.Origin.URI, 1, text).Mapper.Column(d.Origin.Start)
	return place{p, line - 1}, true
}

// fetchFailed reports an error about a remote reference (the corpus
// records some as network_blocked, not all).
func (v verdict) fetchFailed() bool {
	for _, e := range v.Errors {
		if strings.Contains(e.Message, "http://") || strings.Contains(e.Message, "https://") {
			return true
		}
	}
	return false
}

// loadStricter reads stricter.tsv: the documents whose verdict differs from
// the parser's because of a parser bug, each with the reason.
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
// options the editor and `check` use, and where we place errors.
func TestOfficialVerdicts(t *testing.T) {
	compareVerdicts(t, filepath.Join(corpusDir, "official-verdicts.jsonl"), func(file string) string {
		return filepath.Join(corpusDir, file)
	})
}

// TestRealworldVerdicts does the same on the documents from public
// repositories, when ASYNCAPI_LS_REALWORLD names the folder they were
// extracted to (their texts are not in the corpus).
func TestRealworldVerdicts(t *testing.T) {
	dir := os.Getenv("ASYNCAPI_LS_REALWORLD")
	if dir == "" {
		t.Skip("ASYNCAPI_LS_REALWORLD is not set")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skip("realworld-dev documents not present:", err)
	}
	compareVerdicts(t, filepath.Join(corpusDir, "realworld-dev", "verdicts.jsonl"), func(file string) string {
		return filepath.Join(dir, strings.TrimPrefix(file, "realworld/"))
	})
}

func compareVerdicts(t *testing.T, verdicts string, path func(file string) string) {
	f, err := os.Open(verdicts)
	if err != nil {
		t.Skip("corpus not present:", err)
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
		// 1.x is out of scope; a reference the parser could not fetch
		// makes its verdict depend on the network (see compare.mjs).
		if strings.HasPrefix(v.Version, "1.") || len(v.NetworkBlocked) > 0 || v.fetchFailed() {
			continue
		}
		abs, _ := filepath.Abs(path(v.File))
		text, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		doc := analysis.NewDocument(refs.FileURI(filepath.ToSlash(abs)), 1, text)
		var errs []string
		var errLines []place // where our errors are, and their origins in other files
		for _, d := range analysis.Analyze(doc, config.New(nil, workspace.New(workspace.Options{}))) {
			if d.Severity == analysis.SeverityError {
				line, col := doc.Mapper.Column(d.Start)
				errLines = append(errLines, place{abs, line - 1})
				errs = append(errs, strconv.Itoa(line)+":"+strconv.Itoa(col)+" ["+d.Code+"] "+d.Message)
				if o, ok := originPlace(d); ok {
					errLines = append(errLines, o)
				}
			}
		}
		total++
		var unlocated []string
		for _, e := range v.Errors {
			parserErrs++
			file := abs // the parser names the file of content a reference brings in
			if e.Source != "" {
				file, _ = filepath.Abs(path(e.Source))
			}
			found := false
			for _, d := range errLines {
				found = found || d.file == file && d.line >= e.Range.Start.Line && d.line <= e.Range.End.Line
			}
			if found {
				locAgree++
			} else {
				unlocated = append(unlocated, strconv.Itoa(e.Range.Start.Line+1)+" ["+e.Code+"] "+e.Message)
			}
		}
		if len(unlocated) > 0 {
			t.Logf("%s: parser errors none of ours is within:\n    %s", v.File, strings.Join(unlocated, "\n    "))
		}
		ours := len(errs) == 0
		if ours == v.Valid {
			agree++
			continue
		}
		if reason, ok := stricter[v.File]; ok {
			agree++
			t.Logf("%s: a different verdict, listed: %s", v.File, reason)
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
	located := float64(locAgree) / float64(max(parserErrs, 1))
	t.Logf("%d of %d documents agree (%.1f%%)", agree, total, 100*float64(agree)/float64(max(total, 1)))
	t.Logf("error locations: %d of %d parser errors have one of ours within their range (%.1f%%)", locAgree, parserErrs, 100*located)
	for _, d := range disagreements {
		t.Log(d)
	}
	if agree != total {
		t.Errorf("%d disagreements with the official parser", total-agree)
	}
	if located < minLocated {
		t.Errorf("error locations agree for %.1f%%, below %.0f%%", 100*located, 100*minLocated)
	}
}
