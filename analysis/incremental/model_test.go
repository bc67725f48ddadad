package incremental

import (
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/bench/gen"
)

// TestModelFromHandedOverTree: a rule that reads the API model during an
// incremental run gets the model built from the tree the state assembled
// and handed to the document, after an edit too: the document is never
// parsed whole, and the model is the document's own (built once).
func TestModelFromHandedOverTree(t *testing.T) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 20})
	var seen []*model.Model
	rule := analysis.Rule{Code: "reads-model", Versions: analysis.AllVersions, Severity: analysis.SeverityHint,
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			m := p.Model()
			if len(m.Channels) == 0 || m.Channels[0].KeyNode != p.Root.Get("channels").Resolve().Pairs[0].Key {
				t.Error("the model does not read the pass's tree")
			}
			seen = append(seen, m)
			return nil
		}}
	st := New()
	for i, version := range [][]byte{text, typeInDescription(text)} {
		d := analysis.NewDocument("file:///api.yaml", int32(i+1), version)
		st.Analyze(d, analysis.Options{Rules: []analysis.Rule{rule}})
		if st.Stats().Whole != 0 {
			t.Fatalf("version %d took the whole path", i+1)
		}
		if d.Provide(nil) {
			t.Fatalf("version %d was not handed its tree", i+1)
		}
		if len(seen) != i+1 || seen[i] != d.Model(nil) {
			t.Fatalf("version %d: the rule's model is not the document's", i+1)
		}
	}
	if seen[0] == seen[1] {
		t.Error("two versions share one model")
	}
}
