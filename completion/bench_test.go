package completion

import (
	"bytes"
	"slices"
	"strconv"
	"testing"
	"time"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/gen"
)

// BenchmarkCompletion measures completion on the generated documents at
// positions taken from the text: a key under a channel, a "$ref" value, an
// enum value. It reports p50 and p99 latencies over all positions, so a
// slow kind of position cannot hide behind a fast one. The tree is the one
// the server keeps; nothing is parsed or validated per request.
//
//	go test ./completion -run XXX -bench Completion
func BenchmarkCompletion(b *testing.B) {
	for _, channels := range []int{10, 100, 1000} {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: channels})
		tree := syntax.Parse(text, syntax.YAML).Root
		positions := benchPositions(b, text)
		for _, off := range positions { // warm up: the schema compiles once per process
			Complete(Request{Text: text, Offset: off, Format: syntax.YAML, Tree: tree})
		}
		b.Run(strconv.Itoa(channels)+"ch", func(b *testing.B) {
			var times []time.Duration
			items := 0
			for b.Loop() {
				for _, off := range positions {
					start := time.Now()
					res := Complete(Request{Text: text, Offset: off, Format: syntax.YAML, Tree: tree, Snippets: true})
					times = append(times, time.Since(start))
					items += len(res.Items)
				}
			}
			if items == 0 {
				b.Fatal("no items: an empty answer is no answer")
			}
			reportPercentiles(b, times)
			b.ReportMetric(float64(items)/float64(len(times)), "items/op")
		})
	}
}

// benchPositions finds places to complete at in a generated document.
func benchPositions(b *testing.B, text []byte) []int {
	var out []int
	for _, needle := range []string{"$ref: '#/components/messages/", "    action: ", "      payload:\n        "} {
		i := bytes.Index(text, []byte(needle))
		if i < 0 {
			b.Fatalf("generated document lacks %q", needle)
		}
		out = append(out, i+len(needle))
	}
	// A key position: the start of the indentation of an address line.
	i := bytes.Index(text, []byte("    address: "))
	return append(out, i+4)
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	p := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000 }
	b.ReportMetric(p(0.5), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}
