package ruleset

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/gen"
)

// TestSharedPrefixesMatchFreshViews evaluates every "given" of the
// conformance rulesets on generated documents twice: on one view that
// all of them share (each reuses the places the prefixes evaluated
// before it selected), and each on a fresh view. Both must select the
// same places, reached the same way.
func TestSharedPrefixesMatchFreshViews(t *testing.T) {
	var paths []*Path
	for _, name := range []string{"governance.yaml", "functions.yaml"} {
		rs := Load(filepath.Join("..", "..", "conformance", "spectral", "rulesets", name), LoadOptions{Builtin: rules.All()})
		for _, r := range rs.rules {
			paths = append(paths, r.Given...)
			for _, th := range r.Then {
				if th.field != nil {
					paths = append(paths, th.field)
				}
			}
		}
	}
	sort.Slice(paths, func(i, j int) bool { return paths[i].Source < paths[j].Source })
	if len(paths) < 20 {
		t.Fatalf("only %d paths", len(paths))
	}
	for _, version := range []string{"2.6.0", "3.0.0"} {
		uri := "file:///gen-" + version + ".yaml"
		root := analysis.NewDocument(uri, 1, gen.Generate(gen.Options{Version: version, Channels: 10})).Root()
		load := func(string) (*syntax.Node, error) { return root, nil }
		newViews := func() [2]*view {
			targets := &refTargets{byText: map[refText]*resolvedRef{}}
			return [2]*view{newView(false, uri, root, load, false, targets), newView(true, uri, root, load, false, targets)}
		}
		shared := newViews()
		for _, resolved := range []int{0, 1} {
			for _, p := range paths {
				got := selected(p, shared[resolved])
				want := selected(p, newViews()[resolved])
				if got != want {
					t.Errorf("%s, resolved %v, %s: shared views select\n%s\nfresh views\n%s", version, resolved == 1, p.Source, got, want)
				}
			}
		}
	}
}

// selected lists what p selects from the root of v: each place's way,
// its pointer in its document and its node.
func selected(p *Path, v *view) string {
	var b strings.Builder
	p.eval(v, v.rootPlace(), func(m match) {
		fmt.Fprintf(&b, "%s key=%v at=%s node=%p\n", refs.FormatPointer(m.path.tokens()), m.key, refs.FormatPointer(m.at.tokens()), m.node)
	})
	return b.String()
}
