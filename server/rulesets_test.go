package server_test

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// rulesetOnly keeps the diagnostics of the codes given.
func rulesetOnly(ds []protocol.Diagnostic, codes ...string) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range ds {
		for _, c := range codes {
			if codeOf(d) == c {
				out = append(out, d)
			}
		}
	}
	return out
}

// TestRulesetInEditor: a ruleset's findings reach the editor with the
// rule's name as code, its documentationUrl as codeDescription and the
// selected node as range; a value in a referenced file is reported at the
// reference, with the value as related information; the ruleset's own
// mistakes show on the ruleset; editing the ruleset re-checks the open
// documents.
func TestRulesetInEditor(t *testing.T) {
	fx := loadWorkspaceFixture(t, "testdata/rulesets/workspace.txtar")
	s := fx.start()
	codes := []string{"semantic-version", "allowed-protocols", "operation-ids"}
	api, rs := fx.file("api.yaml"), fx.file(".spectral.yaml")
	got := rulesetOnly(s.settledDiagnostics(api.uri, api.version), codes...)
	checkDiagnosticMarkers(t, api.text, api.markers, got)
	for _, d := range got {
		href := string(d.CodeDescription.Href)
		switch codeOf(d) {
		case "allowed-protocols":
			if href != "https://example.org/protocols" || d.Severity != protocol.DiagnosticSeverityError {
				t.Errorf("allowed-protocols: href %q, severity %v", href, d.Severity)
			}
		case "semantic-version":
			if href != "https://example.org/guidelines#semantic-version" {
				t.Errorf("semantic-version: href %q, want the ruleset's page anchored at the rule", href)
			}
		case "operation-ids":
			if strings.Contains(rangeText(api.mapper, d.Range), "parts/ops.yaml") {
				if len(d.RelatedInformation) != 1 || fx.span(d.RelatedInformation[0].Location) != "parts/ops.yaml:2:Ship-It" {
					t.Errorf("the finding in parts/ops.yaml: related %+v", d.RelatedInformation)
				}
			}
		}
	}
	checkDiagnosticMarkers(t, rs.text, rs.markers, s.settledDiagnostics(rs.uri, rs.version))

	// The ruleset changes in the editor: the document is checked again.
	n := s.publishedCount(api.uri)
	edited := strings.Replace(rs.text, "values: [kafka, amqp]", "values: [kafka, amqp, mqtt]", 1)
	rs.version++
	s.change(rs.uri, rs.version, &protocol.TextDocumentContentChangeWholeDocument{Text: edited})
	after := rulesetOnly(s.latest(api.uri, n), codes...)
	for _, d := range after {
		if codeOf(d) == "allowed-protocols" {
			t.Errorf("mqtt is allowed now, yet: %s", messageOf(d))
		}
	}
	if len(after) != len(got)-1 {
		t.Errorf("after the edit %d findings, want %d", len(after), len(got)-1)
	}
}
