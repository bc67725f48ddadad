package analysis_test

import (
	"slices"
	"sync"
	"testing"

	"asyncapi-ls/analysis"
)

// TestHeavyRulesStartFirst: with one worker the rules run heaviest first
// (a Serial group as heavy as its heaviest rule, its rules in their order;
// equal weights in rule order), and the findings still come back in rule
// order.
func TestHeavyRulesStartFirst(t *testing.T) {
	const doc = "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\nchannels: {}\n"
	var mu sync.Mutex
	var ran []string
	rule := func(code string, weight int, serial string) analysis.Rule {
		return analysis.Rule{Code: code, Severity: analysis.SeverityWarning, AnyVersion: true, Weight: weight, Serial: serial,
			Check: func(*analysis.Pass) []analysis.Diagnostic {
				mu.Lock()
				ran = append(ran, code)
				mu.Unlock()
				return []analysis.Diagnostic{{Start: 0, End: 8, Message: code}}
			}}
	}
	rules := []analysis.Rule{
		rule("light-1", 0, ""),
		rule("grouped-light", 0, "group"),
		rule("heavy-1", 1, ""),
		rule("light-2", 0, ""),
		rule("grouped-heavy", 2, "group"),
		rule("heavy-2", 1, ""),
	}
	found := analysis.Analyze(analysis.NewDocument("file:///order.yaml", 1, []byte(doc)), analysis.Options{Rules: rules, RuleWorkers: 1})
	var order []string
	for _, d := range found {
		if d.Message == d.Code {
			order = append(order, d.Code)
		}
	}
	if want := []string{"light-1", "grouped-light", "heavy-1", "light-2", "grouped-heavy", "heavy-2"}; !slices.Equal(order, want) {
		t.Errorf("findings in the order %v, want the rules' order %v", order, want)
	}
	if want := []string{"grouped-light", "grouped-heavy", "heavy-1", "heavy-2", "light-1", "light-2"}; !slices.Equal(ran, want) {
		t.Errorf("rules ran in the order %v, want %v", ran, want)
	}
}
