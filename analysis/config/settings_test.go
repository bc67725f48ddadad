package config

import (
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// TestDecodeSettings: one decoder reads every part of the "asyncapi"
// section, nested or flat, bare or wrapped, with one policy for mistakes.
func TestDecodeSettings(t *testing.T) {
	on, off := true, false
	for _, c := range []struct {
		name             string
		raw              string
		remote, codeLens *bool
		level            analysis.Severity // of asyncapi-info-contact, 0 when not set
		problems         []string
	}{
		{"nested", `{"references": {"remote": true, "codeLens": false}, "rules": {"asyncapi-info-contact": "hint"}}`, &on, &off, analysis.SeverityHint, nil},
		{"wrapped", `{"asyncapi": {"references": {"codeLens": true}}}`, nil, &on, 0, nil},
		{"flat", `{"references.remote": false, "rules.asyncapi-info-contact": "off", "references": {"remote": true}}`, &off, nil, analysis.SeverityOff, nil},
		{"other tools' keys", `{"yaml": {"schemas": {}}, "references": {"other": 1}}`, nil, nil, 0, nil},
		{"absent", `{}`, nil, nil, 0, nil},
		{"wrong types", `{"references": {"remote": "yes", "codeLens": 1}}`, nil, nil, 0,
			[]string{"asyncapi.references.remote must be true or false.", "asyncapi.references.codeLens must be true or false."}},
		{"references not an object", `{"references": true}`, nil, nil, 0, []string{"asyncapi.references must be an object."}},
		{"a bad level", `{"rules": {"asyncapi-info-contact": "loud"}}`, nil, nil, 0, []string{"asyncapi-info-contact"}},
	} {
		s, problems := DecodeSettings([]byte(c.raw))
		if !samePtr(s.Remote, c.remote) || !samePtr(s.CodeLens, c.codeLens) {
			t.Errorf("%s: remote %v codeLens %v", c.name, deref(s.Remote), deref(s.CodeLens))
		}
		if s.Rules == nil || s.Rules.Levels["asyncapi-info-contact"] != c.level {
			t.Errorf("%s: rules %+v", c.name, s.Rules)
		}
		if len(problems) != len(c.problems) {
			t.Errorf("%s: problems %v, want %v", c.name, problems, c.problems)
			continue
		}
		for i, p := range problems {
			if !strings.Contains(p.Message, c.problems[i]) {
				t.Errorf("%s: problem %q, want %q", c.name, p.Message, c.problems[i])
			}
		}
	}
	if s, problems := DecodeSettings([]byte(`{"references":`)); s.Rules != nil || len(problems) != 1 {
		t.Errorf("not JSON: %+v %v", s, problems)
	}
}

func samePtr(a, b *bool) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func deref(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

// TestDecodeLimits: the document limits, nested or flat, in MB and nodes;
// a field not given stays zero (its default), a bad one is a problem.
func TestDecodeLimits(t *testing.T) {
	for _, c := range []struct {
		name     string
		raw      string
		want     *syntax.Limits
		problems int
	}{
		{"none", `{}`, nil, 0},
		{"nested", `{"limits": {"maxDocumentMB": 64, "maxNodes": 3000000}}`, &syntax.Limits{Bytes: 64 << 20, Nodes: 3_000_000}, 0},
		{"flat, one", `{"limits.maxNodes": 10}`, &syntax.Limits{Nodes: 10}, 0},
		{"not whole", `{"limits": {"maxDocumentMB": 1.5}}`, nil, 1},
		{"zero", `{"limits": {"maxNodes": 0}}`, nil, 1},
		{"a string", `{"limits": {"maxNodes": "many"}}`, nil, 1},
		{"not an object", `{"limits": 5}`, nil, 1},
	} {
		s, problems := DecodeSettings([]byte(c.raw))
		if (s.Limits == nil) != (c.want == nil) || s.Limits != nil && *s.Limits != *c.want {
			t.Errorf("%s: limits %+v, want %+v", c.name, s.Limits, c.want)
		}
		if len(problems) != c.problems {
			t.Errorf("%s: problems %v, want %d", c.name, problems, c.problems)
		}
	}
}
