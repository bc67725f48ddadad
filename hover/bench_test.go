package hover

import (
	"bytes"
	"slices"
	"strconv"
	"testing"
	"time"

	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/gen"
)

// BenchmarkHover measures hover on a key, a "$ref" value and an enum value of
// the generated documents, reporting p50 and p99 latencies.
//
//	go test ./hover -run XXX -bench Hover
func BenchmarkHover(b *testing.B) {
	for _, channels := range []int{10, 100, 1000} {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: channels})
		tree := syntax.Parse(text, syntax.YAML).Root
		mapper := source.NewMapper(text)
		var positions []int
		for _, needle := range []string{"address:", "'#/components/messages/", "action: s", "title:"} {
			i := bytes.Index(text, []byte(needle))
			if i < 0 {
				b.Fatalf("generated document lacks %q", needle)
			}
			positions = append(positions, i+len(needle)-2)
		}
		b.Run(string(rune('0'+len(positions)))+"pos-"+strconv.Itoa(channels)+"ch", func(b *testing.B) {
			var times []time.Duration
			answered := 0
			for b.Loop() {
				for _, off := range positions {
					start := time.Now()
					if _, ok := Hover(Request{Text: text, Offset: off, Format: syntax.YAML, Tree: tree, Mapper: mapper}); ok {
						answered++
					}
					times = append(times, time.Since(start))
				}
			}
			if answered == 0 {
				b.Fatal("no hover answered")
			}
			slices.Sort(times)
			p := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000 }
			b.ReportMetric(p(0.5), "p50-ms")
			b.ReportMetric(p(0.99), "p99-ms")
			b.ReportMetric(float64(answered)/float64(len(times)), "answered/op")
		})
	}
}
