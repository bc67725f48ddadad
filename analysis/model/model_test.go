package model_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden dumps under testdata/golden")

// corpusDir is the shared corpus beside the repository (read-only, optional).
const corpusDir = "../../../shared/corpus"

type verdict struct {
	File, Version string
	Valid         bool
}

// readVerdicts reads the official parser's verdict on each corpus document.
func readVerdicts(t testing.TB) []verdict {
	f, err := os.Open(filepath.Join(corpusDir, "official-verdicts.jsonl"))
	if err != nil {
		t.Skip("official corpus not present:", err)
	}
	defer f.Close()
	var out []verdict
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// corpusDocuments lists the official 2.x and 3.x documents, relative to
// corpusDir.
func corpusDocuments(t testing.TB) []string {
	var out []string
	for _, v := range readVerdicts(t) {
		if strings.HasPrefix(v.Version, "2.") || strings.HasPrefix(v.Version, "3.") {
			out = append(out, v.File)
		}
	}
	return out
}

// realworldDocuments lists the realworld-dev documents when the folder
// named by ASYNCAPI_LS_REALWORLD is there.
func realworldDocuments(t testing.TB) []string {
	dir := os.Getenv("ASYNCAPI_LS_REALWORLD")
	if dir == "" {
		return nil
	}
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.Contains(".yaml .yml .json", strings.ToLower(filepath.Ext(p))) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// modelOf builds the model of the file at path through a fresh workspace's
// snapshot, as the server and check do.
func modelOf(t testing.TB, path string) (*model.Model, *analysis.Document, *workspace.Snapshot) {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	doc := analysis.NewDocument(refs.FileURI(abs), 1, text)
	snap := workspace.New(workspace.Options{}).Snapshot(doc)
	return snap.Model(), doc, snap
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden dump (run with -update to accept):\n%s", name, diff(string(want), got))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// TestGoldenCorpus dumps the model of every official 2.x and 3.x document
// (multi-file ones with their relative references followed) and compares
// it with its golden dump.
func TestGoldenCorpus(t *testing.T) {
	for _, rel := range corpusDocuments(t) {
		t.Run(rel, func(t *testing.T) {
			m, _, _ := modelOf(t, filepath.Join(corpusDir, rel))
			golden(t, rel, dumpOrSummary(m, absolute(t, corpusDir)))
		})
	}
}

// TestGoldenTestdata dumps the model of each document of testdata/docs:
// the cases the corpus lacks (traits in both versions, broken and
// wrong-kind references, cycles, 2.x security and server names).
func TestGoldenTestdata(t *testing.T) {
	docs, _ := filepath.Glob("testdata/docs/*.*")
	if len(docs) == 0 {
		t.Fatal("no test documents")
	}
	for _, p := range docs {
		if strings.Contains(filepath.Base(p), ".part.") {
			continue // a file the others reference
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			m, _, _ := modelOf(t, p)
			golden(t, "docs/"+filepath.Base(p), dump(m, absolute(t, "testdata")))
		})
	}
}

// dumpOrSummary is the dump, or for a model whose dump is over 64 KiB (one
// corpus document) its element counts by kind and its broken references,
// to keep the goldens small.
func dumpOrSummary(m *model.Model, root string) string {
	full := dump(m, root)
	if len(full) <= 64<<10 {
		return full
	}
	counts := map[model.Kind]int{}
	m.Walk(func(e model.Element) bool {
		counts[e.Kind()]++
		return true
	})
	var kinds []string
	for k, n := range counts {
		kinds = append(kinds, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(kinds)
	var b strings.Builder
	fmt.Fprintf(&b, "summary of a %d-byte dump; elements by kind:\n  %s\n", len(full), strings.Join(kinds, "\n  "))
	for _, line := range strings.Split(full, "\n") {
		if strings.HasPrefix(line, "broken ") || strings.HasPrefix(line, "references: ") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func absolute(t testing.TB, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
