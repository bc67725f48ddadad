package main

import (
	"context"
	"encoding/json"
	"sync"
	"time"
)

// progressTracker follows $/progress notifications: a server indexing a
// workspace reports begin, reports and end under one token.
type progressTracker struct {
	mu    sync.Mutex
	open  map[string]bool
	began bool
	ended time.Time
	wake  chan struct{}
}

func (p *progressTracker) add(params json.RawMessage) {
	var m struct {
		Token json.RawMessage `json:"token"`
		Value struct {
			Kind string `json:"kind"`
		} `json:"value"`
	}
	if json.Unmarshal(params, &m) != nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.open == nil {
		p.open = map[string]bool{}
	}
	switch m.Value.Kind {
	case "begin":
		p.open[string(m.Token)], p.began = true, true
	case "end":
		delete(p.open, string(m.Token))
		if len(p.open) == 0 {
			p.ended = time.Now()
		}
	}
	if p.wake != nil {
		close(p.wake)
		p.wake = nil
	}
}

// waitDone waits until some progress began and every progress begun has
// ended, and returns when that happened; false when no progress began
// within grace or ctx ended first.
func (p *progressTracker) waitDone(ctx context.Context, grace time.Duration) (time.Time, bool) {
	deadline := time.After(grace)
	for {
		p.mu.Lock()
		if p.began && len(p.open) == 0 {
			defer p.mu.Unlock()
			return p.ended, true
		}
		if p.wake == nil {
			p.wake = make(chan struct{})
		}
		wake, began := p.wake, p.began
		p.mu.Unlock()
		if began {
			deadline = nil // it runs: wait for its end, however long
		}
		select {
		case <-wake:
		case <-deadline:
			return time.Time{}, false
		case <-ctx.Done():
			return time.Time{}, false
		}
	}
}
