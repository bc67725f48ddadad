package audit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestAudit runs the audit with the server built from this tree over the
// official corpus (../shared/corpus/official beside the clone) and the
// realworld-dev documents ($ASYNCAPI_LS_REALWORLD), a sample of each kind
// of probe per document, and requires what the server promises: no request
// fails or times out, every file a "$ref" names is offered when its folder
// is typed, and every local target of the official documents' "$ref"s is
// offered when the value is blanked. The table is logged (go test -v); the
// full audit is bench/cmd/audit. Each corpus is skipped when absent.
func TestAudit(t *testing.T) {
	var corpora []Corpus
	if c, err := OfficialCorpus("../../../shared/corpus/official"); err == nil {
		corpora = append(corpora, c)
	}
	if dir := os.Getenv("ASYNCAPI_LS_REALWORLD"); dir != "" {
		if c, err := RealworldCorpus(dir, "../../../shared/corpus/realworld-dev/manifest.json"); err == nil {
			corpora = append(corpora, c)
		}
	}
	if len(corpora) == 0 {
		t.Skip("no corpus beside the clone, and ASYNCAPI_LS_REALWORLD unset")
	}
	bin := filepath.Join(t.TempDir(), "asyncapi-ls")
	build := exec.Command("go", "build", "-o", bin, "asyncapi-ls/cmd/asyncapi-ls")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the server: %v\n%s", err, out)
	}
	limits := Limits{}
	for _, k := range []ProbeKind{HoverKeyword, CompleteKey, CompleteLocalRef, CompleteFileRef, Definition, References} {
		limits[k] = 10
	}
	for _, c := range corpora {
		t.Run(c.Name, func(t *testing.T) {
			r, err := Run("this tree", bin, c, Options{Limits: limits, Timeout: 30 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			var table bytes.Buffer
			WriteTable(&table, []*Report{r})
			t.Log(table.String())
			for _, e := range r.Errors {
				t.Error(e)
			}
			if r.Docs != len(c.Docs) {
				t.Errorf("%d of %d documents audited", r.Docs, len(c.Docs))
			}
			if f := r.Counts[CompleteFileRef]; f != nil && f.Good != f.Probes {
				t.Errorf("files not offered for %d of %d file references: %q", f.Probes-f.Good, f.Probes, r.Misses[CompleteFileRef])
			}
			if l := r.Counts[CompleteLocalRef]; c.Name == "official" && (l == nil || l.Good != l.Probes) {
				t.Errorf("local targets not offered: %+v %q", l, r.Misses[CompleteLocalRef])
			}
		})
	}
}
