package incremental

import (
	"context"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/bench/gen"
)

// TestCancelledRunStops: a run whose version is outdated (its context
// cancelled, as the server does on the next edit) returns without findings
// and never falls back to the whole analysis, which converts and validates
// the whole document before it could notice: on a big document that is
// hundreds of milliseconds taken from the next edit.
func TestCancelledRunStops(t *testing.T) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 50})
	st := New()
	d := analysis.NewDocument("file:///cancel.yaml", 1, text)
	if found := st.Analyze(d, analysis.Options{}); st.Stats().Whole != 0 {
		t.Fatalf("the first run took the whole path (%d findings)", len(found))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, opts := range []analysis.Options{{}, {Rules: rules.All()}} {
		d = analysis.NewDocument("file:///cancel.yaml", d.Version+1, typeInDescription(d.Text))
		if found := st.AnalyzeContext(ctx, d, opts); found != nil {
			t.Errorf("a cancelled run (%d rules) gave %d findings", len(opts.Rules), len(found))
		}
	}
	if s := st.Stats(); s.Whole != 0 {
		t.Errorf("cancelled runs took the whole path %d times", s.Whole)
	}
	// The state still serves the next version.
	d = analysis.NewDocument("file:///cancel.yaml", d.Version+1, typeInDescription(d.Text))
	if want, got := analysis.Analyze(d, analysis.Options{Rules: rules.All()}), st.Analyze(d, analysis.Options{Rules: rules.All()}); len(want) != len(got) {
		t.Errorf("after the cancelled runs: %d findings, the whole analysis has %d", len(got), len(want))
	}
}
