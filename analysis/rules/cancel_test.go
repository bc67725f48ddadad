package rules_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
)

// TestLongRulesStopWhenCancelled: the rules that validate many values stop
// inside their work, not only between rules, once the run's context is
// done. Each runs on a document with many bad values, once whole and once
// cancelled just as it starts.
func TestLongRulesStopWhenCancelled(t *testing.T) {
	var b strings.Builder
	b.WriteString("asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\ncomponents:\n  schemas:\n")
	for i := range 200 {
		fmt.Fprintf(&b, "    S%d: {type: integer, default: x, examples: [y]}\n", i)
	}
	b.WriteString("  messages:\n")
	for i := range 200 {
		fmt.Fprintf(&b, "    M%d: {payload: {type: integer}, examples: [{payload: z}]}\n", i)
	}
	doc := analysis.NewDocument("file:///big.yaml", 1, []byte(b.String()))
	for _, code := range []string{rules.CodeMessageExamples, rules.CodeSchemaDefault, rules.CodeSchemaExamples} {
		var long analysis.Rule
		for _, r := range rules.All() {
			if r.Code == code {
				long = r
			}
		}
		whole := len(analysis.Analyze(doc, analysis.Options{Rules: []analysis.Rule{long}}))
		if whole < 100 {
			t.Fatalf("%s: %d findings on the whole run, want one per bad value", code, whole)
		}
		ctx, cancel := context.WithCancel(context.Background())
		stops := long
		stops.Check = func(p *analysis.Pass) []analysis.Diagnostic {
			cancel() // the edit that makes this run moot arrives now
			return long.Check(p)
		}
		if n := len(analysis.AnalyzeContext(ctx, doc, analysis.Options{Rules: []analysis.Rule{stops}})); n > 1 {
			t.Errorf("%s: %d findings after the run was cancelled", code, n)
		}
	}
}
