package schemas

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the shared corpus of official documents, beside the project checkout.
const corpusDir = "../../shared/corpus"

type verdict struct {
	File    string `json:"file"`
	Version string `json:"version"`
	Valid   bool   `json:"valid"`
}

func readVerdicts(t *testing.T) []verdict {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "official-verdicts.jsonl"))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	defer f.Close()
	var out []verdict
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Every official document the official parser accepts gives no problem.
func TestOfficialValidDocuments(t *testing.T) {
	n := 0
	for _, v := range readVerdicts(t) {
		if !v.Valid || strings.HasPrefix(v.Version, "1.") {
			continue
		}
		if !IsSupported(v.Version) {
			t.Errorf("%s: version %s not supported", v.File, v.Version)
			continue
		}
		src, err := os.ReadFile(filepath.Join(corpusDir, v.File))
		if err != nil {
			t.Fatal(err)
		}
		doc := decodeYAML(t, string(src))
		probs, err := Validate(v.Version, doc)
		if err != nil {
			t.Fatalf("%s: %v", v.File, err)
		}
		for _, p := range probs {
			t.Errorf("%s: %s at %q: %s", v.File, p.Code, p.Path, p.Message)
		}
		n++
	}
	t.Logf("%d valid documents checked", n)
}
