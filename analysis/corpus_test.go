package analysis_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	. "asyncapi-ls/analysis"
	"asyncapi-ls/analysis/workspace"
)

// corpusDir is the official corpus beside the repository (read-only, optional).
const corpusDir = "../../shared/corpus"

type verdict struct {
	File         string `json:"file"`
	Version      string `json:"version"`
	Valid        bool   `json:"valid"`
	NetworkOnly  bool   `json:"invalid_only_due_to_network"`
	ParserErrors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

// TestOfficialCorpusVerdicts compares our verdict (any error diagnostic or
// not) with the official parser's on every 2.x/3.x document of the corpus.
func TestOfficialCorpusVerdicts(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "official-verdicts.jsonl"))
	if err != nil {
		t.Skip("official corpus not present:", err)
	}
	defer f.Close()
	resolver := workspace.New(workspace.Options{})
	agree, total := 0, 0
	var disagreements []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(v.Version, "1.") || v.NetworkOnly {
			continue
		}
		path := filepath.Join(corpusDir, v.File)
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(path)
		doc := NewDocument("file://"+abs, 1, text)
		var errs []string
		for _, d := range Analyze(doc, Options{Resolver: resolver}) {
			if d.Severity == SeverityError {
				line, col := doc.Mapper.Column(d.Start)
				errs = append(errs, strings.Join([]string{strconv.Itoa(line) + ":" + strconv.Itoa(col), d.Code, d.Message}, " "))
			}
		}
		total++
		if (len(errs) == 0) == v.Valid {
			agree++
			continue
		}
		if v.Valid {
			disagreements = append(disagreements, v.File+": the parser finds it valid; we report:\n    "+strings.Join(errs, "\n    "))
		} else {
			var theirs []string
			for _, e := range v.ParserErrors {
				theirs = append(theirs, e.Message)
			}
			disagreements = append(disagreements, v.File+": the parser finds it invalid; we report no error. Parser: "+strings.Join(theirs, " | "))
		}
	}
	t.Logf("official corpus: %d of %d documents agree (%.1f%%)", agree, total, 100*float64(agree)/float64(max(total, 1)))
	for _, d := range disagreements {
		t.Log(d)
	}
	if agree != total {
		t.Errorf("%d disagreements with the official parser", total-agree)
	}
}


