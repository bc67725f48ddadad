package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
)

// TestShareStopsWhenCancelled: indexing the shared schemas is most of a big
// document's value rules, and the compiler cannot be interrupted, so a
// schema set indexes them in batches and stops between two once the run is
// cancelled (the next edit made it moot). Uncancelled, the same set
// validates against every shared schema.
func TestShareStopsWhenCancelled(t *testing.T) {
	var b strings.Builder
	b.WriteString("asyncapi: 3.0.0\ninfo:\n  title: T\n  version: '1'\ncomponents:\n  schemas:\n")
	n := 3*sharedBatch + 5
	for i := range n {
		fmt.Fprintf(&b, "    s%d: {type: integer, minimum: %d}\n", i, i)
	}
	d := analysis.NewDocument("file:///share.yaml", 1, []byte(b.String()))
	every := func(s *schemaSet, mark func([]string)) {
		for _, path := range jsonSchemaRoots(s.pass) {
			mark(path)
		}
	}
	for _, cancelAfter := range []int{0, 1, 2, -1} {
		ctx, cancel := context.WithCancel(context.Background())
		yields := 0
		opts := analysis.Options{Yield: func() {
			if yields == cancelAfter {
				cancel()
			}
			yields++
		}}
		p := analysis.NewPass(ctx, d, d.Root(), "3.0.0", opts)
		set := newSchemaSet(p, every)
		if cancelAfter >= 0 {
			if !errors.Is(set.err, context.Canceled) {
				t.Errorf("cancelled before batch %d: set error %v, want context.Canceled", cancelAfter, set.err)
			}
			if _, ok := set.validate([]string{"components", "schemas", "s0"}, []string{"components", "schemas", "s1", "minimum"}); ok {
				t.Errorf("cancelled before batch %d: the set still validates", cancelAfter)
			}
			cancel()
			continue
		}
		if set.err != nil || set.shared == nil || yields != (n+sharedBatch-1)/sharedBatch {
			t.Fatalf("uncancelled: error %v, shared %v, %d checks for %d batches", set.err, set.shared != nil, yields, (n+sharedBatch-1)/sharedBatch)
		}
		for _, i := range []int{0, sharedBatch, n - 1} {
			vs, ok := set.validate([]string{"components", "schemas", fmt.Sprintf("s%d", i)}, []string{"components", "schemas", "s0", "minimum"})
			if !ok || (len(vs) == 0) != (i == 0) {
				t.Errorf("schema s%d against 0: ok %v, %v", i, ok, vs)
			}
		}
		cancel()
	}
}
