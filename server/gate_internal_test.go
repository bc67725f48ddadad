package server

import (
	"testing"
	"time"
)

// TestRequestGate: a run that yields waits while a request is answered and
// goes on once it is; a request that takes long holds it back no longer
// than maxYield; with no request it does not wait.
func TestRequestGate(t *testing.T) {
	var g requestGate
	timed := func() <-chan time.Duration {
		c := make(chan time.Duration, 1)
		go func() { t0 := time.Now(); g.yield(); c <- time.Since(t0) }()
		return c
	}

	end := g.begin() // a quick request
	waited := timed()
	time.Sleep(maxYield / 5)
	end()
	if d := <-waited; d < maxYield/10 || d > maxYield*9/10 {
		t.Errorf("a run beside a request of %v waited %v", maxYield/5, d)
	}

	end = g.begin() // a request that takes long
	if d := <-timed(); d < maxYield*9/10 || d > 10*maxYield {
		t.Errorf("a run beside a long request waited %v, want about %v", d, maxYield)
	}
	end()

	if d := <-timed(); d > maxYield/10 {
		t.Errorf("with no request in flight a run waited %v", d)
	}
}
