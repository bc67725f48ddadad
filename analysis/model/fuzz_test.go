package model_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

// FuzzBuild builds the model of any bytes, as YAML and as JSON, every other
// file being the same text (so references across files lead somewhere):
// no panic, no hang, every reader answers, and the invariants hold.
func FuzzBuild(f *testing.F) {
	docs, _ := filepath.Glob("testdata/docs/*.*")
	for _, p := range docs {
		if text, err := os.ReadFile(p); err == nil {
			f.Add(text, filepath.Ext(p) == ".json")
		}
	}
	f.Add([]byte("asyncapi: 2.6.0\nchannels:\n  a:\n    $ref: './x.yaml#/channels/a'\n"), false)
	f.Add([]byte("asyncapi: 3.0.0\noperations:\n  o: {channel: {$ref: '#/operations/o'}, traits: [{$ref: '#'}]}\n"), false)
	f.Add([]byte(`{"asyncapi":"3.0.0","channels":{"c":{"messages":{"m":{"$ref":"#/channels/c/messages/m"}}}}}`), true)
	limit := 2 * time.Minute
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		limit = 10 * time.Second
	}
	f.Fuzz(func(t *testing.T, text []byte, json bool) {
		defer time.AfterFunc(limit, func() { panic(fmt.Sprintf("FuzzBuild: one input took over %v: %q", limit, text)) }).Stop()
		format := syntax.YAML
		if json {
			format = syntax.JSON
		}
		file := syntax.Parse(text, format)
		load := func(string) (*syntax.Node, error) { return file.Root, nil }
		m := model.Build("file:///fuzz/doc.yaml", file.Root, load)
		exercise(m)
		model.ResolvedDataWithin(load, model.Location{URI: m.URI}, file.Root, 10_000)
		if errs := invariants(m, load, func(string) int { return len(text) }); len(errs) > 0 {
			t.Fatalf("broken invariants:\n%s", strings.Join(errs, "\n"))
		}
	})
}
