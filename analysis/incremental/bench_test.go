package incremental

import (
	"bytes"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/bench/gen"

	"go.yaml.in/yaml/v3"
)

// BenchmarkIncrementalEdit times one single-character edit inside a channel
// description in the middle of the document → diagnostics, on a State that
// analysed the previous version. Compare with BenchmarkBareYAML (one bare
// yaml v3 parse of the same bytes) and BenchmarkWholeAnalyze (the whole
// path) of the same run:
//
//	go test ./analysis/incremental -run XXX -bench . -benchmem
func BenchmarkIncrementalEdit(b *testing.B) {
	for _, sz := range benchSizes {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: sz.channels})
		edited := typeInDescription(text)
		b.Run(sz.name, func(b *testing.B) {
			st := New()
			st.Analyze(analysis.NewDocument("file:///bench.yaml", 1, text), analysis.Options{})
			v := int32(1)
			for b.Loop() {
				v++
				t := text
				if v%2 == 0 {
					t = edited
				}
				st.Analyze(analysis.NewDocument("file:///bench.yaml", v, t), analysis.Options{})
			}
			if s := st.Stats(); s.Whole > 0 && sz.channels < 1000 {
				b.Fatalf("%d of %d runs took the whole path", s.Whole, s.Runs)
			}
		})
	}
}

func BenchmarkBareYAML(b *testing.B) {
	for _, sz := range benchSizes {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: sz.channels})
		b.Run(sz.name, func(b *testing.B) {
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(text, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWholeAnalyze(b *testing.B) {
	for _, sz := range benchSizes {
		text := typeInDescription(gen.Generate(gen.Options{Version: "3.0.0", Channels: sz.channels}))
		b.Run(sz.name, func(b *testing.B) {
			for b.Loop() {
				analysis.Analyze(analysis.NewDocument("file:///bench.yaml", 1, text), analysis.Options{})
			}
		})
	}
}

var benchSizes = []struct {
	name     string
	channels int
}{{"100ch", 100}, {"700ch", 700}, {"1000ch", 1000}}

// typeInDescription inserts one character at the end of the first line of
// a channel description (a block scalar) past the first quarter of the
// document.
func typeInDescription(text []byte) []byte {
	const key = "\n    description: |\n"
	i := bytes.Index(text[len(text)/4:], []byte(key))
	if i < 0 {
		panic("no channel description")
	}
	at := len(text)/4 + i + len(key)
	at += bytes.IndexByte(text[at:], '\n')
	out := append([]byte(nil), text[:at]...)
	out = append(out, 'x')
	return append(out, text[at:]...)
}

// BenchmarkOpen times what the server does for a document just opened
// before its first diagnostics: a fresh State's analysis without the rules
// (they run after a pause, in a second step).
func BenchmarkOpen(b *testing.B) {
	for _, sz := range benchSizes {
		text := gen.Generate(gen.Options{Version: "3.0.0", Channels: sz.channels})
		b.Run(sz.name, func(b *testing.B) {
			for b.Loop() {
				New().Analyze(analysis.NewDocument("file:///bench.yaml", 1, text), analysis.Options{})
			}
		})
	}
}
