package analysis

import (
	"runtime"
	"testing"

	"asyncapi-ls/bench/gen"

	"go.yaml.in/yaml/v3"
)

// The open → diagnostics budget is stated against a bare yaml v3 parse of the
// same bytes, measured in the same run:
//
//	go test ./analysis -run XXX -bench 'Open|BareYAML' -benchmem
var sizes = []struct {
	name     string
	channels int
}{{"10ch", 10}, {"100ch", 100}, {"1000ch", 1000}}

func BenchmarkBareYAMLParse(b *testing.B) {
	for _, sz := range sizes {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: sz.channels})
		b.Run(sz.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(text, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOpenToDiagnostics(b *testing.B) {
	for _, sz := range sizes {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: sz.channels})
		b.Run(sz.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				doc := NewDocument("file:///bench.yaml", 1, text)
				if diags := Analyze(doc, Options{}); len(diags) != 0 {
					b.Fatalf("generated document has %d diagnostics, first: %+v", len(diags), diags[0])
				}
			}
		})
	}
}

// BenchmarkRetainedMemory reports the heap an open, analysed document keeps
// alive, as a multiple of its size (the budget is 10×).
func BenchmarkRetainedMemory(b *testing.B) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 1000})
	for b.Loop() {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		doc := NewDocument("file:///bench.yaml", 1, text)
		Analyze(doc, Options{})
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(len(text)), "x-size-retained")
		runtime.KeepAlive(doc)
	}
}
