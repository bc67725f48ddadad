package model_test

import (
	"testing"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/gen"
)

// BenchmarkBuild builds the model of the generated 1,000-channel documents
// beside parsing them: the model must stay cheap next to the parse that
// every version of a document pays anyway. Compare model/… with parse/….
func BenchmarkBuild(b *testing.B) {
	for _, version := range []string{"3.0.0", "2.6.0"} {
		text := gen.Generate(gen.Options{Version: version, Channels: 1000})
		b.Run("parse/"+version, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for range b.N {
				syntax.Parse(text, syntax.YAML)
			}
		})
		root := syntax.Parse(text, syntax.YAML).Root
		b.Run("model/"+version, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for range b.N {
				model.Build("file:///bench/asyncapi.yaml", root, nil)
			}
		})
	}
}
