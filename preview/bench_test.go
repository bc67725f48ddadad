package preview

import (
	"io"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/incremental"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/bench/gen"
)

// BenchmarkPage renders the page of the generated 1,000-channel document
// (the target: under 1 s and 30 MB of HTML); the bytes per page are
// reported as html-bytes.
func BenchmarkPage(b *testing.B) {
	for _, channels := range []int{100, 1000} {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: channels})
		b.Run(itoa10(channels), func(b *testing.B) {
			var size int64
			for b.Loop() {
				// As the docs command loads it: a big YAML file parsed in
				// sections on every core.
				doc := analysis.NewDocument("file:///bench/big.yaml", 1, text)
				if f, ok := incremental.Parse(text); ok {
					doc.Provide(f)
				}
				page := Build(workspace.New(workspace.Options{}).Snapshot(doc))
				w := &countingWriter{}
				if err := Write(w, page, Options{}); err != nil {
					b.Fatal(err)
				}
				size = w.n
			}
			b.ReportMetric(float64(size), "html-bytes")
		})
	}
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

func itoa10(n int) string {
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s + "-channels"
}
