package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"asyncapi-ls/bench/internal/results"
)

// config is one benchmark run: one server command on one document.
type config struct {
	name, command string
	doc, root     string
	settings      settings
	iterations    int           // requests per kind
	positions     int           // distinct positions per kind
	edits         int           // didChange round trips
	timeout       time.Duration // per request
	editTimeout   time.Duration // per didChange -> diagnostics
	openTimeout   time.Duration // didOpen -> first diagnostics
	quiet         time.Duration // no publish for this long = settled
	deadline      time.Duration // whole run
	stderr        io.Writer
	// workspace: root is a folder of many files; the run times its
	// indexing and renames across it.
	workspace bool
	// rest: after the edits, how long at most the client leaves the
	// server alone while it finishes its work (0: no rest).
	rest time.Duration
}

// run measures one server on one document. It always returns a Result;
// what failed is listed in Result.Errors.
func run(cfg config) *Result {
	start := time.Now()
	r := &Result{Server: cfg.name, Command: cfg.command, Doc: cfg.doc}
	r.Load[0] = results.LoadAverage()
	fail := func(format string, args ...any) { r.Errors = append(r.Errors, fmt.Sprintf(format, args...)) }
	defer func() { r.WallS, r.Load[1] = time.Since(start).Seconds(), results.LoadAverage() }()

	text, err := os.ReadFile(cfg.doc)
	if err != nil {
		fail("reading document: %v", err)
		return r
	}
	r.DocBytes, r.DocLines, r.AsyncAPI = len(text), bytes.Count(text, []byte("\n")), docVersion(text)
	absDoc, _ := filepath.Abs(cfg.doc)
	absRoot, _ := filepath.Abs(cfg.root)
	uri, rootURI := fileURI(absDoc), fileURI(absRoot)

	ctx, cancel := context.WithTimeout(context.Background(), cfg.deadline)
	defer cancel()

	proc, err := startServer(cfg.command, cfg.stderr)
	if err != nil {
		fail("starting server: %v", err)
		return r
	}
	mem := startSampler(proc.pid(), 100*time.Millisecond)
	s := newSession(proc, cfg.settings, rootURI)
	typingHWM := int64(-1)
	defer func() {
		peak, hwm := mem.finish()
		if typingHWM < 0 {
			typingHWM = hwm
		}
		r.Memory = MemoryResult{PeakRSSMB: float64(peak) / 1024, HWMMB: float64(hwm) / 1024, TypingHWMMB: float64(typingHWM) / 1024}
		r.CPUS = treeCPU(proc.pid()).Seconds()
		shutdown(s, proc, min(5*time.Second, cfg.timeout))
		r.ServerRequests = s.requestCounts()
		if tail := proc.stderr.String(); len(r.Errors) > 0 && tail != "" {
			fail("server stderr (tail): %s", lastLines(tail, 5))
		}
	}()

	// initialize
	t0 := time.Now()
	initResult, err := call(ctx, s, cfg.timeout, "initialize", map[string]any{
		"processId":             os.Getpid(),
		"clientInfo":            map[string]string{"name": "lspbench", "version": "1"},
		"rootUri":               rootURI,
		"rootPath":              absRoot,
		"workspaceFolders":      []map[string]string{{"uri": rootURI, "name": "bench"}},
		"capabilities":          clientCapabilities(),
		"initializationOptions": map[string]any{},
	})
	if err != nil {
		fail("initialize: %v", err)
		return r
	}
	r.InitializeMS = ms(time.Since(t0))
	t0 = time.Now()
	_ = s.conn.Notify("initialized", map[string]any{})
	if len(cfg.settings) > 0 {
		_ = s.conn.Notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any(cfg.settings)})
		// Give a server that pulls its settings the chance to have them
		// before the document arrives, as it would in an editor.
		select {
		case <-s.configAsked:
			time.Sleep(50 * time.Millisecond)
		case <-time.After(time.Second):
		}
	}

	if cfg.workspace {
		r.Workspace = &results.Workspace{Files: countDocuments(absRoot)}
		if end, ok := s.progress.waitDone(ctx, 5*time.Second); ok {
			r.Workspace.IndexedMS, r.Workspace.Reported = ms(end.Sub(t0)), true
		}
	}

	// didOpen -> diagnostics
	languageID := "yaml"
	if strings.EqualFold(filepath.Ext(cfg.doc), ".json") {
		languageID = "json"
	}
	mark := s.diags.mark()
	t0 = time.Now()
	_ = s.conn.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": languageID, "version": 1, "text": string(text),
	}})
	openCtx, openCancel := context.WithTimeout(ctx, cfg.openTimeout)
	first, err := s.diags.waitAfter(openCtx, s.gone(), uri, mark, 1)
	openCancel()
	if err != nil {
		r.Open.TimedOut = true
		fail("open: no diagnostics: %v", err)
	} else {
		r.Open.FirstMS, r.Open.FirstCount = ms(first.at.Sub(t0)), first.count
		last, n := s.diags.settle(ctx, uri, mark, cfg.quiet, 30*time.Second)
		r.Open.SettledMS, r.Open.SettledCount, r.Open.Publishes = ms(last.at.Sub(t0)), last.count, n
	}
	if isGone(s) {
		fail("server exited after didOpen")
		return r
	}

	pos := findPositions(string(text), cfg.positions)
	r.Requests = measureRequests(ctx, s, cfg, uri, pos)
	r.Change = measureEdits(ctx, s, cfg, uri, string(text), syncKind(initResult), pos.edit)
	typingHWM = mem.hwm()
	if cfg.rest > 0 && !isGone(s) {
		r.Rest = measureRest(ctx, proc.pid(), cfg.rest)
	}
	if ctx.Err() != nil {
		fail("overall deadline of %s reached; results are partial", cfg.deadline)
	}
	return r
}

// call runs one request bounded by both the per-request timeout and ctx.
func call(ctx context.Context, s *session, timeout time.Duration, method string, params any) (json.RawMessage, error) {
	c, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return s.conn.Call(c, method, params)
}

// shutdown asks politely, waiting at most wait for each step, then kills.
func shutdown(s *session, proc *serverProcess, wait time.Duration) {
	if !isGone(s) {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		_, _ = s.conn.Call(ctx, "shutdown", nil)
		cancel()
		_ = s.conn.Notify("exit", nil)
	}
	proc.stop(wait)
}

func isGone(s *session) bool {
	select {
	case <-s.gone():
		return true
	default:
		return false
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// countDocuments counts the YAML and JSON files under root.
func countDocuments(root string) int {
	n := 0
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			switch strings.ToLower(filepath.Ext(path)) {
			case ".yaml", ".yml", ".json":
				n++
			}
		}
		return nil
	})
	return n
}
