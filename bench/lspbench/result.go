package main

import (
	"fmt"
	"io"
	"strings"

	"asyncapi-ls/bench/internal/results"
)

// The records are shared with the report; short names keep the driver
// readable.
type (
	Result        = results.LSP
	OpenResult    = results.Open
	ChangeResult  = results.Change
	RequestResult = results.Request
	MemoryResult  = results.Memory
)

// writeTable prints one result for people.
func writeTable(w io.Writer, r *Result) {
	fmt.Fprintf(w, "\n%s on %s (%s, %d KB, %d lines)\n", r.Server, r.Doc, r.AsyncAPI, r.DocBytes/1024, r.DocLines)
	fmt.Fprintf(w, "%-34s %10s %10s %6s %10s %6s\n", "measure", "p50 ms", "p99 ms", "n", "items p50", "empty")
	fmt.Fprintln(w, strings.Repeat("-", 82))
	row := func(name string, p50, p99 float64, n int, items string, empty string) {
		fmt.Fprintf(w, "%-34s %10.1f %10s %6d %10s %6s\n", name, p50, fmtMS(p99), n, items, empty)
	}
	row("initialize", r.InitializeMS, -1, 1, "", "")
	if ws := r.Workspace; ws != nil {
		if ws.Reported {
			row(fmt.Sprintf("workspace indexed (%d files)", ws.Files), ws.IndexedMS, -1, 1, "", "")
		} else {
			fmt.Fprintf(w, "%-34s %10s\n", "workspace indexed", "no progress reported")
		}
	}
	openNote := fmt.Sprintf("%d", r.Open.FirstCount)
	if r.Open.TimedOut {
		openNote = "timeout"
	}
	row("open -> first diagnostics", r.Open.FirstMS, -1, 1, openNote, "")
	row("open -> settled diagnostics", r.Open.SettledMS, -1, r.Open.Publishes, fmt.Sprint(r.Open.SettledCount), "")
	for _, q := range r.Requests {
		name := q.Name
		switch {
		case q.Unsupported:
			fmt.Fprintf(w, "%-34s %10s\n", name, "unsupported")
			continue
		case q.N == 0:
			fmt.Fprintf(w, "%-34s %10s %s\n", name, "failed", q.LastError)
			continue
		}
		row(name, q.LatencyMS.P50, q.LatencyMS.P99, q.N, fmt.Sprintf("%.0f", q.Items.P50), fmt.Sprint(q.Empty))
	}
	if r.Change.Edits > 0 || r.Change.Timeouts > 0 {
		row("change -> diagnostics ("+r.Change.Sync+")", r.Change.LatencyMS.P50, r.Change.LatencyMS.P99, r.Change.Edits,
			fmt.Sprintf("%.1f/edit", r.Change.PublishesPerEdit), fmt.Sprint(r.Change.Timeouts)+" t/o")
	}
	if rest := r.Rest; rest != nil {
		idle := "idle"
		if !rest.Idle {
			idle = "still busy"
		}
		row("rest: busy after the last edit", rest.BusyMS, -1, 1, fmt.Sprintf("%.0f ms CPU", rest.CPUMS), idle)
	}
	fmt.Fprintf(w, "%-34s %10.0f MB (peak sampled RSS %.0f MB)\n", "memory: VmHWM to the last edit", r.Memory.TypingHWMMB, r.Memory.PeakRSSMB)
	fmt.Fprintf(w, "%-34s %10.0f MB\n", "memory: VmHWM of the whole session", r.Memory.HWMMB)
	fmt.Fprintf(w, "wall %.1f s, server CPU %.1f s, load average %.1f -> %.1f", r.WallS, r.CPUS, r.Load[0], r.Load[1])
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "; %d problem(s):\n", len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  - %s\n", e)
		}
	} else {
		fmt.Fprintln(w)
	}
}

func fmtMS(v float64) string {
	if v < 0 {
		return ""
	}
	return fmt.Sprintf("%.1f", v)
}
