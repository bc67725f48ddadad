package rules_test

import (
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/bench/gen"
)

// BenchmarkRules1000 analyses a generated 1,000-channel document with every
// rule, as `check` does:
//
//	go test ./analysis/rules -run XXX -bench Rules1000
func BenchmarkRules1000(b *testing.B) {
	for _, v := range []string{"2.6.0", "3.0.0"} {
		text := gen.Generate(gen.Options{Version: v, Channels: 1000})
		opts := config.New(nil, nil)
		b.Run(v, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				analysis.Analyze(analysis.NewDocument("file:///bench.yaml", 1, text), opts)
			}
		})
	}
}
