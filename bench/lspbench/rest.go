package main

import (
	"context"
	"time"

	"asyncapi-ls/bench/internal/results"
)

// The rest reads the server's processor time every restTick; it ends once
// the time has stayed flat for restQuiet. restWork is the processor time per
// reading that counts as work (/proc counts in steps of 10 ms).
const (
	restTick  = 100 * time.Millisecond
	restQuiet = time.Second
	restWork  = 20 * time.Millisecond
)

// measureRest leaves the server alone once the edits are answered, as when
// a user stops typing, and follows its processor time until it stops
// growing (or limit has passed): how long the server keeps working, the rules
// it defers to a pause for one, and what that work costs.
func measureRest(ctx context.Context, pid int, limit time.Duration) *results.Rest {
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
		case now.Sub(start) >= limit:
			return restResult(start, busyUntil, first, lastBusy, false)
		}
	}
}

func restResult(start, busyUntil time.Time, first, lastBusy time.Duration, idle bool) *results.Rest {
	return &results.Rest{BusyMS: ms(busyUntil.Sub(start)), CPUMS: ms(lastBusy - first), Idle: idle}
}
