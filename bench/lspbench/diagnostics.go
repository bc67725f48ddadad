package main

import (
	"context"
	"sync"
	"time"
)

// diagEvent is one textDocument/publishDiagnostics as received.
type diagEvent struct {
	seq     int
	uri     string
	version *int
	count   int
	at      time.Time
}

// diagTracker records every publish and lets the driver wait for the next
// one about a document, however many times a server publishes.
type diagTracker struct {
	mu     sync.Mutex
	events []diagEvent
	wake   chan struct{} // closed and replaced on every event
}

func newDiagTracker() *diagTracker { return &diagTracker{wake: make(chan struct{})} }

func (d *diagTracker) add(uri string, version *int, count int) {
	d.mu.Lock()
	d.events = append(d.events, diagEvent{seq: len(d.events) + 1, uri: uri, version: version, count: count, at: time.Now()})
	close(d.wake)
	d.wake = make(chan struct{})
	d.mu.Unlock()
}

// mark is the sequence number of the last event; wait for events after it.
func (d *diagTracker) mark() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.events)
}

// waitAfter returns the first event for uri after seq whose version, if the
// server sent one, is at least minVersion. It fails when ctx ends or closed
// is closed (the server died).
func (d *diagTracker) waitAfter(ctx context.Context, closed <-chan struct{}, uri string, seq, minVersion int) (diagEvent, error) {
	for {
		d.mu.Lock()
		for _, e := range d.events[min(seq, len(d.events)):] {
			if e.uri == uri && (e.version == nil || *e.version >= minVersion) {
				d.mu.Unlock()
				return e, nil
			}
		}
		seq = len(d.events)
		wake := d.wake
		d.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return diagEvent{}, ctx.Err()
		case <-closed:
			return diagEvent{}, errServerGone
		}
	}
}

// settle waits until no event for uri arrives for quiet, or until limit,
// and returns the last event seen after seq (zero if none).
func (d *diagTracker) settle(ctx context.Context, uri string, seq int, quiet, limit time.Duration) (last diagEvent, n int) {
	end := time.Now().Add(limit)
wait:
	for {
		d.mu.Lock()
		wake := d.wake
		d.mu.Unlock()
		timer := time.NewTimer(min(quiet, time.Until(end)))
		select {
		case <-wake:
			timer.Stop()
			if time.Now().Before(end) {
				continue // something arrived: the quiet period starts again
			}
			break wait
		case <-timer.C:
			break wait
		case <-ctx.Done():
			timer.Stop()
			break wait
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, e := range d.events[min(seq, len(d.events)):] {
		if e.uri == uri {
			last, n = e, n+1
		}
	}
	return last, n
}
