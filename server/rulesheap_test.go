package server

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's target without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestRulesHeapNests: overlapping rule runs keep the lowered target until
// the last one ends, and then the target is what it was before the first.
func TestRulesHeapNests(t *testing.T) {
	before := debug.SetGCPercent(170)
	defer debug.SetGCPercent(before)
	h := &rulesHeap{percent: 50}
	h.enter()
	h.enter()
	if got := gcPercent(); got != 50 {
		t.Fatalf("during two runs: GOGC %d, want 50", got)
	}
	h.leave()
	if got := gcPercent(); got != 50 {
		t.Fatalf("one run still going: GOGC %d, want 50", got)
	}
	h.leave()
	if got := gcPercent(); got != 170 {
		t.Fatalf("after the runs: GOGC %d, want 170 as before", got)
	}
	off := &rulesHeap{}
	off.enter()
	if got := gcPercent(); got != 170 {
		t.Fatalf("a zero percent changed GOGC to %d", got)
	}
	off.leave()
}
