package analysis_test

import (
	"strings"
	"testing"

	"asyncapi-ls/analysis"
)

// TestSeverityPolicy: a rule's error stays an error where the official
// parser enforces the rule, and only for the findings it enforces; other
// errors are warnings that say the specification requires them, errors in
// strict mode; a configured level wins; a ruleset's rule keeps its level.
func TestSeverityPolicy(t *testing.T) {
	const doc = "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\nchannels: {}\n"
	finding := func(beyond bool) func(*analysis.Pass) []analysis.Diagnostic {
		return func(p *analysis.Pass) []analysis.Diagnostic {
			return []analysis.Diagnostic{{Start: 0, End: 8, Message: "Finding.", BeyondParser: beyond}}
		}
	}
	rules := []analysis.Rule{
		{Code: "enforced", Severity: analysis.SeverityError, Parser: &analysis.Enforcement{Versions: analysis.V3}, Check: finding(false)},
		{Code: "enforced-partly", Severity: analysis.SeverityError, Parser: &analysis.Enforcement{Versions: analysis.V3, Only: "some"}, Check: finding(true)},
		{Code: "enforced-in-2", Severity: analysis.SeverityError, Parser: &analysis.Enforcement{Versions: analysis.V2}, Check: finding(false)},
		{Code: "not-enforced", Severity: analysis.SeverityError, Check: finding(false)},
		{Code: "recommendation", Severity: analysis.SeverityWarning, Check: finding(false)},
		{Code: "ruleset", Severity: analysis.SeverityError, AnyVersion: true, Check: finding(false)},
	}
	for _, c := range []struct {
		name   string
		config *analysis.Config
		want   map[string]analysis.Severity
	}{
		{"default", nil, map[string]analysis.Severity{"enforced": analysis.SeverityError, "enforced-partly": analysis.SeverityWarning,
			"enforced-in-2": analysis.SeverityWarning, "not-enforced": analysis.SeverityWarning, "recommendation": analysis.SeverityWarning, "ruleset": analysis.SeverityError}},
		{"strict", &analysis.Config{Strict: true}, map[string]analysis.Severity{"enforced": analysis.SeverityError, "enforced-partly": analysis.SeverityError,
			"enforced-in-2": analysis.SeverityError, "not-enforced": analysis.SeverityError, "recommendation": analysis.SeverityWarning, "ruleset": analysis.SeverityError}},
		{"configured", &analysis.Config{Levels: map[string]analysis.Severity{"not-enforced": analysis.SeverityError, "enforced": analysis.SeverityHint}},
			map[string]analysis.Severity{"enforced": analysis.SeverityHint, "enforced-partly": analysis.SeverityWarning, "enforced-in-2": analysis.SeverityWarning,
				"not-enforced": analysis.SeverityError, "recommendation": analysis.SeverityWarning, "ruleset": analysis.SeverityError}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := map[string]analysis.Diagnostic{}
			for _, d := range analysis.Analyze(analysis.NewDocument("x.yaml", 1, []byte(doc)), analysis.Options{Rules: rules, Config: c.config}) {
				got[d.Code] = d
			}
			for code, want := range c.want {
				d := got[code]
				if d.Severity != want {
					t.Errorf("%s: %v, want %v", code, d.Severity, want)
				}
				says := strings.Contains(d.Message, "The specification requires this; the official parser does not check it.")
				if wantSays := code == "enforced-partly" || code == "enforced-in-2" || code == "not-enforced"; says != wantSays {
					t.Errorf("%s: %q says the specification requires it: %v, want %v", code, d.Message, says, wantSays)
				}
			}
		})
	}
}
