package preview

import (
	"io"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/incremental"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/bench/gen"
)

// BenchmarkPage renders the page of the generated 100- and 1,000-channel
// documents (the target: under 1 s and 30 MB of HTML at 1,000),
// two ways: "file" as the docs command does, the text parsed on every
// core and then the page built and written; "open" as the editor's
// preview does, from a document the server has already parsed. The bytes
// per page are reported as html-bytes.
func BenchmarkPage(b *testing.B) {
	for _, channels := range []int{100, 1000} {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: channels})
		load := func() *analysis.Document {
			doc := analysis.NewDocument("file:///bench/big.yaml", 1, text)
			if f, ok := incremental.Parse(text); ok {
				doc.Provide(f)
			}
			doc.Root()
			return doc
		}
		render := func(b *testing.B, doc *analysis.Document) int64 {
			page := Build(workspace.New(workspace.Options{}).Snapshot(doc))
			w := &countingWriter{}
			if err := Write(w, page, Options{}); err != nil {
				b.Fatal(err)
			}
			return w.n
		}
		b.Run(itoa10(channels)+"/file", func(b *testing.B) {
			var size int64
			for b.Loop() {
				size = render(b, load())
			}
			b.ReportMetric(float64(size), "html-bytes")
		})
		b.Run(itoa10(channels)+"/open", func(b *testing.B) {
			var size int64
			for b.Loop() {
				b.StopTimer()
				doc := load() // a new version: nothing of the last page is reused
				b.StartTimer()
				size = render(b, doc)
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
