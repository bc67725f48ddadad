package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestDiagnosticMarkers opens every fixture in testdata/diagnostics and
// requires exactly the diagnostics its markers announce:
//
//	#@diag("range text", code)             a diagnostic on this line whose range covers exactly "range text"
//	#@diag("range text", code, "message")  ... and whose message contains "message"
//	#@diagAbove(...), #@diagBelow(...)     the same for the line above or below (for lines that cannot hold a comment)
//
// A fixture without markers must produce no diagnostics at all.
func TestDiagnosticMarkers(t *testing.T) {
	files, _ := filepath.Glob("testdata/diagnostics/*")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			markers, text, err := parseMarkers(string(raw), strings.HasSuffix(file, ".json"))
			if err != nil {
				t.Fatal(err)
			}
			u := uri.URI("file:///fixtures/" + filepath.Base(file))
			s.open(u, 1, text)
			got := s.diagnostics(u, 1)
			checkDiagnosticMarkers(t, text, markers, got)
		})
	}
}

func checkDiagnosticMarkers(t *testing.T, text string, markers []marker, got []protocol.Diagnostic) {
	t.Helper()
	m := source.NewMapper([]byte(text))
	used := make([]bool, len(got))
	for _, mk := range markers {
		line := mk.line
		switch mk.name {
		case "diag":
		case "diagAbove":
			line--
		case "diagBelow":
			line++
		default:
			continue
		}
		if len(mk.args) < 2 {
			t.Errorf("line %d: diag marker needs (text, code)", mk.line+1)
			continue
		}
		found := false
		for i, d := range got {
			if used[i] || int(d.Range.Start.Line) != line || codeOf(d) != mk.args[1] {
				continue
			}
			if rangeText(m, d.Range) != mk.args[0] {
				continue
			}
			if len(mk.args) > 2 && !strings.Contains(messageOf(d), mk.args[2]) {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			t.Errorf("line %d: no diagnostic %q on %q%s; got:\n%s", line+1, mk.args[1], mk.args[0], msgPart(mk.args), describe(m, got))
		}
	}
	for i, d := range got {
		if !used[i] {
			t.Errorf("unexpected diagnostic at line %d on %q: [%s] %s", d.Range.Start.Line+1, rangeText(m, d.Range), codeOf(d), messageOf(d))
		}
		if src, _ := d.Source.Get(); src != "asyncapi" {
			t.Errorf("diagnostic without source asyncapi: %+v", d)
		}
	}
}

func msgPart(args []string) string {
	if len(args) > 2 {
		return " with message containing " + args[2]
	}
	return ""
}

func rangeText(m *source.Mapper, r protocol.Range) string {
	start, err1 := m.Offset(source.Position{Line: int(r.Start.Line), Character: int(r.Start.Character)}, source.UTF16)
	end, err2 := m.Offset(source.Position{Line: int(r.End.Line), Character: int(r.End.Character)}, source.UTF16)
	if err1 != nil || err2 != nil || end < start {
		return "<bad range>"
	}
	return string(m.Text()[start:end])
}

func codeOf(d protocol.Diagnostic) string {
	if c, ok := d.Code.(protocol.String); ok {
		return string(c)
	}
	return ""
}

func messageOf(d protocol.Diagnostic) string {
	if msg, ok := d.Message.(protocol.String); ok {
		return string(msg)
	}
	return ""
}

func describe(m *source.Mapper, got []protocol.Diagnostic) string {
	var b strings.Builder
	for _, d := range got {
		b.WriteString("  line " + itoa(int(d.Range.Start.Line)+1) + " " + strconvQuote(rangeText(m, d.Range)) + " [" + codeOf(d) + "] " + messageOf(d) + "\n")
	}
	return b.String()
}

// styleRulesOff turns off the rules that ask for recommended content: the
// sessions of these tests are about syntax, structure and protocol, and the
// style rules have their own fixtures (analysis/rules/testdata). It goes
// through initializationOptions, as a user's settings would.
var styleRulesOff = []byte(`{"asyncapi": {"rules": {
	"asyncapi-info-contact": "off", "asyncapi-info-description": "off", "asyncapi-info-license": "off",
	"asyncapi-latest-version": "off", "asyncapi-servers": "off", "asyncapi-tags": "off", "asyncapi-id": "off",
	"asyncapi-defaultContentType": "off", "asyncapi-operation-description": "off", "asyncapi-content-type": "off",
	"asyncapi-operation-operationId": "off", "asyncapi-message-messageId": "off", "asyncapi-unused-components": "off"}}}`)
