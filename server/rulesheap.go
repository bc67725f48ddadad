package server

import (
	"runtime/debug"
	"sync"
)

// rulesHeap lowers the collector's target (GOGC) while the rules of big
// documents run. The rules are background work: a run over a 1,000-channel
// document holds well over 100 MB of its own while it lasts, and with the
// default target the heap grows to twice that before the next collection.
// Collecting more often during those runs costs them processor time, not
// the user's wait, and keeps the server's peak memory down. Runs of several
// documents may overlap: the first to start lowers the target, the last to
// end restores it.
type rulesHeap struct {
	percent int // the target during rule runs; 0 leaves the collector alone

	mu      sync.Mutex
	running int
	saved   int
}

func (h *rulesHeap) enter() {
	if h.percent <= 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.running == 0 {
		h.saved = debug.SetGCPercent(h.percent)
	}
	h.running++
}

func (h *rulesHeap) leave() {
	if h.percent <= 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.running--; h.running == 0 {
		debug.SetGCPercent(h.saved)
	}
}
