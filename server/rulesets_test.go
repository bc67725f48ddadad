package server_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis/refs"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
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

// TestRulesetSetting: the asyncapi.ruleset setting names the ruleset; a
// change of the setting checks the open documents again.
func TestRulesetSetting(t *testing.T) {
	dir := t.TempDir()
	team := filepath.Join(dir, "governance", "team.yaml")
	os.MkdirAll(filepath.Dir(team), 0o755)
	osWriteFile(team, "rules:\n  needs-description:\n    given: $.info\n    then:\n      field: description\n      function: truthy\n")
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	u := uri.URI(refs.FileURI(filepath.Join(dir, "api", "doc.yaml")))
	s.open(u, 1, "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\n")
	if got := rulesetOnly(s.diagnostics(u, 1), "needs-description"); len(got) != 0 {
		t.Fatalf("no ruleset yet, got %v", got)
	}
	n := s.publishedCount(u)
	settings, _ := json.Marshal(map[string]any{"asyncapi": map[string]any{"ruleset": team}})
	s.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{Settings: settings})
	if got := rulesetOnly(s.latest(u, n), "needs-description"); len(got) != 1 {
		t.Fatalf("with asyncapi.ruleset: %v", got)
	}
}
