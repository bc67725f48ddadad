package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"asyncapi-ls/bench/gen"
)

// BenchmarkCheck1000 runs check on a generated 1,000-channel document, as
// the command does (output formatting included):
//
//	go test ./cmd/asyncapi-ls -run XXX -bench Check1000
func BenchmarkCheck1000(b *testing.B) {
	for _, v := range []string{"2.6.0", "3.0.0"} {
		path := filepath.Join(b.TempDir(), "gen.yaml")
		if err := os.WriteFile(path, gen.Generate(gen.Options{Version: v, Channels: 1000}), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(v, func(b *testing.B) {
			for b.Loop() {
				runCheck([]string{"--format", "json", path}, io.Discard, io.Discard)
			}
		})
	}
}

// BenchmarkCheckRuleset1000 runs check --ruleset with the governance
// ruleset conformance/spectral.sh times against Spectral, on the generated
// 1,000-channel 3.0.0 document:
//
//	go test ./cmd/asyncapi-ls -run XXX -bench CheckRuleset1000
func BenchmarkCheckRuleset1000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "gen.yaml")
	if err := os.WriteFile(path, gen.Generate(gen.Options{Version: "3.0.0", Channels: 1000}), 0o644); err != nil {
		b.Fatal(err)
	}
	ruleset := filepath.Join("..", "..", "conformance", "spectral", "rulesets", "governance.yaml")
	for b.Loop() {
		runCheck([]string{"--format", "json", "--ruleset", ruleset, path}, io.Discard, io.Discard)
	}
}
