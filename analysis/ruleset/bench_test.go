package ruleset_test

import (
	"os"
	"path/filepath"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/bench/gen"
)

// BenchmarkGovernance1000 runs only the rules of the governance ruleset
// (the one conformance/spectral.sh times against Spectral) on the generated
// 1,000-channel document, parsed once: the ruleset's share of check.
//
//	go test ./analysis/ruleset -run XXX -bench Governance1000
func BenchmarkGovernance1000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "gen.yaml")
	if err := os.WriteFile(path, gen.Generate(gen.Options{Version: "3.0.0", Channels: 1000}), 0o644); err != nil {
		b.Fatal(err)
	}
	rs := ruleset.Load(filepath.Join("..", "..", "conformance", "spectral", "rulesets", "governance.yaml"), ruleset.LoadOptions{Builtin: rules.All()})
	ws := workspace.New(workspace.Options{})
	doc, err := ws.Load(refs.FileURI(path))
	if err != nil {
		b.Fatal(err)
	}
	doc.Root()
	opts := analysis.Options{Resolver: ws, Checks: func(*analysis.Pass) []analysis.Diagnostic { return nil }}
	rs.Apply(&opts, refs.FileURI(path))
	for b.Loop() {
		analysis.Analyze(doc, opts)
	}
}
