package analysis_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/source"
)

// fuzzHang is how long one input may take while fuzzing before the target
// reports a hang (a crash the fuzzer records as a failing input). Seeds run
// as plain tests, perhaps under -race, get much longer.
func fuzzHang() time.Duration {
	if f := flag.Lookup("test.fuzz"); f != nil && f.Value.String() != "" {
		return 10 * time.Second
	}
	return 2 * time.Minute
}

// FuzzAnalyze runs every check and rule on any bytes, as YAML and as JSON:
// no panic, and every diagnostic (and related location) lies inside the text
// and converts to a position.
func FuzzAnalyze(f *testing.F) {
	examples, _ := filepath.Glob("../examples/*")
	for _, p := range examples {
		if text, err := os.ReadFile(p); err == nil {
			f.Add(text, filepath.Ext(p) == ".json")
		}
	}
	f.Add([]byte("asyncapi: 2.6.0\nchannels:\n  a/{b}:\n    subscribe:\n      message: {$ref: '#/components/messages/m'}\n"), false)
	f.Add([]byte("asyncapi: 3.0.0\ncomponents:\n  schemas:\n    a: {$ref: '#/components/schemas/a'}\n"), false)
	opts := analysis.Options{Rules: rules.All()}
	f.Fuzz(func(t *testing.T, text []byte, json bool) {
		limit := fuzzHang()
		defer time.AfterFunc(limit, func() { panic(fmt.Sprintf("FuzzAnalyze: one input took over %v: %q", limit, text)) }).Stop()
		name := "file:///fuzz/doc.yaml"
		if json {
			name = "file:///fuzz/doc.json"
		}
		d := analysis.NewDocument(name, 1, text)
		for _, diag := range analysis.Analyze(d, opts) {
			if diag.Start < 0 || diag.End < diag.Start || diag.End > len(text) {
				t.Fatalf("%s: span [%d,%d) outside %d bytes: %s", diag.Code, diag.Start, diag.End, len(text), diag.Message)
			}
			if _, err := d.Mapper.Position(diag.Start, source.UTF16); err != nil {
				t.Fatalf("%s: %v", diag.Code, err)
			}
			if diag.Code == "" || diag.Message == "" {
				t.Fatalf("diagnostic without code or message: %+v", diag)
			}
			for _, r := range diag.Related {
				if r.URI == "" && (r.Start < 0 || r.End < r.Start || r.End > len(text)) {
					t.Fatalf("%s: related span [%d,%d) outside %d bytes", diag.Code, r.Start, r.End, len(text))
				}
			}
		}
	})
}
