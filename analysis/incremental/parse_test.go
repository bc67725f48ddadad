package incremental

import (
	"math/rand/v2"
	"testing"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/gen"
)

// TestParseEquivalence checks that Parse, when it answers, gives the tree
// of a whole parse, and that assembling counts the tree's nodes exactly (the
// node limit), on generated documents and random edits of them, with
// sections small enough that every document is cut in many places.
func TestParseEquivalence(t *testing.T) {
	defer func(a, b int) { minSplitBytes, minCoarseSection = a, b }(minSplitBytes, minCoarseSection)
	for _, tc := range []struct {
		opts     gen.Options
		coarse   int
		minSplit int
		edits    int
	}{
		{gen.Options{Version: "3.0.0", Channels: 10}, 512, 0, *edits / 2},
		{gen.Options{Version: "2.6.0", Channels: 10, Seed: 3}, 2048, 256, *edits / 2},
		{gen.Options{Version: "3.1.0", Channels: 100, Seed: 5}, 16 << 10, 2048, max(*edits/50, 2)},
	} {
		minCoarseSection, minSplitBytes = tc.coarse, tc.minSplit
		base := gen.Generate(tc.opts)
		rng := rand.New(rand.NewPCG(uint64(len(base)), 2))
		text, answered := base, 0
		for i := 0; i <= tc.edits; i++ {
			f, ok := Parse(text)
			if ok {
				answered++
				if msg := sameFile(f, syntax.Parse(text, syntax.YAML)); msg != "" {
					t.Fatalf("%s %d channels, edit %d: trees differ: %s\ntext:\n%s", tc.opts.Version, tc.opts.Channels, i, msg, text)
				}
			} else if i == 0 {
				t.Fatalf("%s %d channels: the generated document was not parsed in sections", tc.opts.Version, tc.opts.Channels)
			}
			for _, coarse := range []int{0, tc.coarse} {
				if i%4 != 0 {
					break // every fourth text is enough for the count
				}
				st := New()
				if a, ok := st.assembleText(text, coarse); ok {
					n := 0
					syntax.Walk(st.materialize(a).Root, func(*syntax.Node) { n++ })
					if n != a.nodes+1 {
						t.Fatalf("edit %d: the tree has %d nodes, the count while assembling says %d", i, n, a.nodes+1)
					}
				}
			}
			if rng.IntN(4) == 0 {
				text = base
			}
			text = edit(rng, text)
		}
		t.Logf("%s %d channels: %d of %d texts parsed in sections", tc.opts.Version, tc.opts.Channels, answered, tc.edits+1)
	}
}

// TestCoarsen checks that neighbouring small sections are joined and big
// ones kept apart.
func TestCoarsen(t *testing.T) {
	leaf := func(start, end int) *chunk { return &chunk{start: start, end: end} }
	split := &chunk{start: 30, end: 300, children: []*chunk{leaf(40, 100), leaf(100, 160), leaf(160, 300)}}
	got := coarsen([]*chunk{leaf(0, 10), leaf(10, 30), split, leaf(300, 310)}, 130)
	if len(got) != 3 || got[0].start != 0 || got[0].end != 30 || got[1] != split || got[2].start != 300 {
		t.Fatalf("top level: %+v", got)
	}
	if kids := split.children; len(kids) != 2 || kids[0].start != 40 || kids[0].end != 160 || kids[1].start != 160 {
		t.Fatalf("children: %+v %+v", kids[0], kids[1])
	}
	small := &chunk{start: 0, end: 100, children: []*chunk{leaf(10, 50), leaf(50, 100)}}
	if got := coarsen([]*chunk{small}, 130); len(got) != 1 || got[0].children != nil {
		t.Fatalf("a split chunk within the target is not folded into one: %+v", got[0])
	}
}
