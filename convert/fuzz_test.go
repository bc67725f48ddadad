package convert

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"asyncapi-ls/analysis"
)

// FuzzConvert converts arbitrary texts, seeded with the golden inputs: no
// panic, and whatever converts obeys checkResult (edits give the text, the
// text parses, converting it again changes nothing).
func FuzzConvert(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/golden/*.in.*")
	for _, in := range inputs {
		text, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(text, filepath.Ext(in) == ".json", false)
	}
	f.Fuzz(func(t *testing.T, text []byte, json, client bool) {
		name := "fuzz.yaml"
		if json {
			name = "fuzz.json"
		}
		opts := Options{}
		if client {
			opts.Perspective = "client"
		}
		res, err := Convert(analysis.NewDocument(name, 1, text), opts)
		if errors.Is(err, ErrInternal) {
			t.Fatal(err)
		}
		if err != nil {
			return
		}
		checkResult(t, name, text, res, opts)
	})
}
