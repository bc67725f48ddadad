package convert

import (
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/incremental"
	"asyncapi-ls/bench/gen"
)

// BenchmarkConvert1000 converts the generated 1,000-channel 2.6 document,
// parse included (in sections on every core, as the command does).
func BenchmarkConvert1000(b *testing.B) {
	text := gen.Generate(gen.Options{Version: "2.6.0", Channels: 1000})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := analysis.NewDocument("file:///big.yaml", 1, text)
		if f, ok := incremental.Parse(text); ok {
			doc.Provide(f)
		}
		res, err := Convert(doc, Options{})
		if err != nil || !res.Changed() {
			b.Fatal(err)
		}
	}
}

// BenchmarkConvert1000Parsed converts the same document already parsed, as
// the editor's code action does.
func BenchmarkConvert1000Parsed(b *testing.B) {
	text := gen.Generate(gen.Options{Version: "2.6.0", Channels: 1000})
	doc := analysis.NewDocument("file:///big.yaml", 1, text)
	doc.File()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Convert(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
