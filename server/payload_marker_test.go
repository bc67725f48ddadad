package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis/refs"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// ruleCodesThroughLSP are rules whose fixtures (analysis/rules/testdata/<code>)
// also run through the protocol here: each fixture's markers for that code
// must match what the server publishes.
var ruleCodesThroughLSP = []string{"asyncapi-payload-schema",
	// the parser's view of parameters, channel keys and examples (polymorphic schemas among them)
	"asyncapi-channel-parameters", "asyncapi-channel-no-query-nor-fragment", "asyncapi-message-examples", "asyncapi-schema-examples",
	"asyncapi-operation-operationId-uniqueness", "asyncapi-message-messageId-uniqueness"}

func TestPayloadRuleFixturesThroughLSP(t *testing.T) {
	s := newSession(t)
	s.initialize(protocol.ClientCapabilities{})
	checked := 0
	for _, code := range ruleCodesThroughLSP {
		files, _ := filepath.Glob(filepath.Join("../analysis/rules/testdata", code, "v*"))
		for i, file := range files {
			t.Run(code+"/"+filepath.Base(file), func(t *testing.T) {
				raw, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				markers, text, err := parseMarkers(string(raw), strings.HasSuffix(file, ".json"))
				if err != nil {
					t.Fatal(err)
				}
				var own []marker
				for _, m := range markers {
					if len(m.args) > 1 && m.args[1] == code {
						own = append(own, m)
					}
				}
				abs, _ := filepath.Abs(file)
				u := uri.URI(refs.FileURI(abs))
				s.open(u, int32(i+1), text)
				var got []protocol.Diagnostic
				for _, d := range s.diagnostics(u, int32(i+1)) {
					if codeOf(d) == code {
						got = append(got, d)
					}
				}
				checkDiagnosticMarkers(t, text, own, got)
				checked += len(own)
			})
		}
	}
	if checked == 0 {
		t.Fatal("no markers checked")
	}
}
