package server

import (
	"testing"
	"time"

	"go.lsp.dev/uri"
)

// TestAdaptiveDebounce: the pause before a run is none after a pause in
// typing, the analysis time (capped by the debounce) inside a burst of
// edits, and the whole debounce for a dependent.
func TestAdaptiveDebounce(t *testing.T) {
	const debounce = time.Hour // every schedule of the test is inside one burst
	d := newDiagnostics(nil, debounce, 0)
	u := uri.URI("file:///a.yaml")
	d.mu.Lock()
	defer d.mu.Unlock()
	if got := d.delayLocked(u, false); got != 0 {
		t.Errorf("first edit: waits %v, want none", got)
	}
	if got := d.delayLocked(u, false); got != debounce {
		t.Errorf("burst, analysis time unknown: waits %v, want the debounce", got)
	}
	d.pace[u].took = 3 * time.Millisecond
	if got := d.delayLocked(u, false); got != 3*time.Millisecond {
		t.Errorf("burst, analysis of 3ms: waits %v, want 3ms", got)
	}
	d.pace[u].scheduled = time.Now().Add(-2 * debounce)
	if got := d.delayLocked(u, false); got != 0 {
		t.Errorf("after a pause: waits %v, want none", got)
	}
	if got := d.delayLocked(uri.URI("file:///b.yaml"), true); got != debounce {
		t.Errorf("dependent: waits %v, want the debounce", got)
	}
}
