// Package results owns the JSON records the benchmark programs write and
// the report reads: one LSP record per server and document (lspbench) and
// one CLI record per checker and file (cmdbench). Times are milliseconds,
// memory megabytes.
package results

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"asyncapi-ls/bench/internal/stats"
)

// LSP is everything lspbench measured for one server on one document.
type LSP struct {
	Server   string `json:"server"`
	Command  string `json:"command"`
	Doc      string `json:"doc"`
	DocBytes int    `json:"doc_bytes"`
	DocLines int    `json:"doc_lines"`
	AsyncAPI string `json:"asyncapi_version"`

	InitializeMS float64   `json:"initialize_ms"`
	Open         Open      `json:"open"`
	Requests     []Request `json:"requests"`
	Change       Change    `json:"change"`
	// Rest is what the server did after the last edit, left alone
	// (lspbench -rest); nil when the run did not rest.
	Rest   *Rest  `json:"rest,omitempty"`
	Memory Memory `json:"memory"`

	// Workspace is set when the run opened a folder of many files
	// (lspbench -workspace): how long the server took to index it.
	Workspace *Workspace `json:"workspace,omitempty"`

	// CPUS is the processor time (user + system) the server's process
	// tree used over the whole session: steadier than wall time on a
	// loaded machine.
	CPUS float64 `json:"cpu_s"`
	// Load is the machine's 1-minute load average when the run started
	// and when it ended (the machines are shared).
	Load [2]float64 `json:"load"`

	ServerRequests map[string]int `json:"server_requests"`
	Errors         []string       `json:"errors"`
	WallS          float64        `json:"wall_s"`
}

// Workspace times the indexing of a workspace folder: from "initialized" to
// the end of the server's work-done progress (0 when it reported none).
type Workspace struct {
	Files     int     `json:"files"`
	IndexedMS float64 `json:"indexed_ms"`
	Reported  bool    `json:"reported"`
}

// Open times didOpen to the first publishDiagnostics for the document, and
// to the last one before the server went quiet.
type Open struct {
	FirstMS      float64 `json:"first_ms"`
	FirstCount   int     `json:"first_count"`
	SettledMS    float64 `json:"settled_ms"`
	SettledCount int     `json:"settled_count"`
	Publishes    int     `json:"publishes"`
	TimedOut     bool    `json:"timed_out"`
}

// Change times each single-character didChange to the next
// publishDiagnostics for that document version.
type Change struct {
	Sync             string        `json:"sync"`
	Edits            int           `json:"edits"`
	Timeouts         int           `json:"timeouts"`
	LatencyMS        stats.Summary `json:"latency_ms"`
	PublishesPerEdit float64       `json:"publishes_per_edit"`
	At               string        `json:"at,omitempty"`
}

// Request is one request method at positions of one kind. Items counts
// what each answer held, so an empty answer cannot pass for a fast one.
type Request struct {
	Name        string        `json:"name"`
	Method      string        `json:"method"`
	N           int           `json:"n"`
	Errors      int           `json:"errors"`
	Timeouts    int           `json:"timeouts"`
	Unsupported bool          `json:"unsupported"`
	FirstMS     float64       `json:"first_ms"`
	LatencyMS   stats.Summary `json:"latency_ms"`
	Items       stats.Summary `json:"items"`
	Empty       int           `json:"empty"`
	LastError   string        `json:"last_error,omitempty"`
}

// Rest follows the server once the edits are over and the client does
// nothing, as when a user stops typing: until its processor time stops
// growing, at most as long as lspbench -rest allows. What a server defers
// to a pause (the rules of a big document) happens here.
type Rest struct {
	BusyMS float64 `json:"busy_ms"` // from the rest's start to the last sign of work
	CPUMS  float64 `json:"cpu_ms"`  // processor time used meanwhile
	Idle   bool    `json:"idle"`    // false: still working when the rest ran out
}

// Memory of the server's process tree: the summed kernel peak (VmHWM) and
// the largest summed RSS the sampler saw, over the whole session; and the
// peak when the last edit was answered, before the rest.
type Memory struct {
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	HWMMB       float64 `json:"vm_hwm_mb"`
	TypingHWMMB float64 `json:"vm_hwm_typing_mb"`
}

// CLI is what cmdbench measured for one checker on one file.
type CLI struct {
	Name      string        `json:"name"`
	Doc       string        `json:"doc"`
	Command   []string      `json:"command"`
	Runs      int           `json:"runs"`
	WallMS    stats.Summary `json:"wall_ms"`
	CPUMS     stats.Summary `json:"cpu_ms"` // user + system time of the process
	MaxRSSMB  float64       `json:"max_rss_mb"`
	ExitCodes []int         `json:"exit_codes"`
	LastLine  string        `json:"last_line"`
	Error     string        `json:"error,omitempty"`
	Load      [2]float64    `json:"load"` // 1-minute load average at start and end
	// Baseline marks a reference measurement rather than a peer checker:
	// the bare yaml parse that open -> first diagnostics is compared with.
	Baseline bool `json:"baseline,omitempty"`
}

// LoadAverage is the machine's 1-minute load average, or -1.
func LoadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}

// Write writes v as indented JSON to path, or to stdout when path is "".
func Write(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if path == "" {
		_, err = os.Stdout.Write(data)
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// Finish records the timed runs (milliseconds) and the load at the end,
// and writes r to path (stdout when "").
func (r *CLI) Finish(walls, cpus []float64, path string) error {
	r.Runs = len(walls)
	r.WallMS, r.CPUMS = stats.Summarize(walls), stats.Summarize(cpus)
	r.Load[1] = LoadAverage()
	return Write(path, r)
}
