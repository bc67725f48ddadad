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
