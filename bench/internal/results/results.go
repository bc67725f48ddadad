// Package results owns the JSON records the benchmark programs write and
// the report reads: one LSP record per server and document (lspbench) and
// one CLI record per checker and file (cmdbench). Times are milliseconds,
// memory megabytes.
package results

import "asyncapi-ls/bench/internal/stats"

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
	Memory       Memory    `json:"memory"`

	ServerRequests map[string]int `json:"server_requests"`
	Errors         []string       `json:"errors"`
	WallS          float64        `json:"wall_s"`
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

// Memory of the server's process tree: the summed kernel peak (VmHWM) and
// the largest summed RSS the sampler saw.
type Memory struct {
	PeakRSSMB float64 `json:"peak_rss_mb"`
	HWMMB     float64 `json:"vm_hwm_mb"`
}

// CLI is what cmdbench measured for one checker on one file.
type CLI struct {
	Name      string        `json:"name"`
	Doc       string        `json:"doc"`
	Command   []string      `json:"command"`
	Runs      int           `json:"runs"`
	WallMS    stats.Summary `json:"wall_ms"`
	MaxRSSMB  float64       `json:"max_rss_mb"`
	ExitCodes []int         `json:"exit_codes"`
	LastLine  string        `json:"last_line"`
	Error     string        `json:"error,omitempty"`
}
