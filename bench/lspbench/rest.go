package main

import (
	"context"
	"time"

	"asyncapi-ls/bench/internal/results"
)

// restQuiet is how long the server's processor time must stay flat for the
// rest to end; restWork is the processor time per tick that counts as work
// (a tick of /proc's clock is 10 ms).
const (
	restTick  = 100 * time.Millisecond
	restQuiet = time.Second
	restWork  = 20 * time.Millisecond
)

// measureRest leaves the server alone once the edits are answered, as when
// a user stops typing, and follows its processor time until it stops
// growing (or max has passed): how long the server keeps working, the rules
// it defers to a pause for one, and what that work costs.
func measureRest(ctx context.Context, pid int, max time.Duration) *results.Rest {
	start := time.Now()
	first := treeCPU(pid)
	last, lastBusy := first, first
	busyUntil, quietSince := start, start
	tick := time.NewTicker(restTick)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return restResult(start, busyUntil, first, lastBusy, false)
		case <-tick.C:
		}
		now, cpu := time.Now(), treeCPU(pid)
		if cpu-last >= restWork {
			busyUntil, quietSince, lastBusy = now, now, cpu
		}
		last = cpu
		switch {
		case now.Sub(quietSince) >= restQuiet:
			return restResult(start, busyUntil, first, lastBusy, true)
		case now.Sub(start) >= max:
			return restResult(start, busyUntil, first, lastBusy, false)
		}
	}
}

func restResult(start, busyUntil time.Time, first, lastBusy time.Duration, idle bool) *results.Rest {
	return &results.Rest{BusyMS: ms(busyUntil.Sub(start)), CPUMS: ms(lastBusy - first), Idle: idle}
}
