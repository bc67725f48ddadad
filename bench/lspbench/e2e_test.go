package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"asyncapi-ls/bench/gen"
)

func fakeConfig(t *testing.T, mode string) config {
	t.Helper()
	dir := t.TempDir()
	doc := filepath.Join(dir, "asyncapi.yaml")
	if err := os.WriteFile(doc, gen.Generate(gen.Options{Channels: 10}), 0o644); err != nil {
		t.Fatal(err)
	}
	return config{
		name: "fake", command: fakeEnv + "=" + mode + " " + strconv.Quote(os.Args[0]) + " -test.run=^$",
		doc: doc, root: dir, settings: yamlLSSettings("/x/3.0.0-without-$id.json", doc),
		iterations: 8, positions: 4, edits: 6,
		timeout: 300 * time.Millisecond, editTimeout: 300 * time.Millisecond, openTimeout: 5 * time.Second,
		quiet: 30 * time.Millisecond, deadline: 20 * time.Second,
	}
}

func requestByName(r *Result, name string) RequestResult {
	for _, q := range r.Requests {
		if q.Name == name {
			return q
		}
	}
	return RequestResult{}
}

func TestDriverAgainstFakeServer(t *testing.T) {
	r := run(fakeConfig(t, "normal"))
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %v", r.Errors)
	}
	if r.InitializeMS <= 0 || r.Open.FirstMS <= 0 {
		t.Errorf("missing timings: init %v open %v", r.InitializeMS, r.Open.FirstMS)
	}
	if r.Open.FirstCount != 3 {
		t.Errorf("configuration answer had %d entries, want 3 (one per item)", r.Open.FirstCount)
	}
	if r.ServerRequests["workspace/configuration"] != 1 {
		t.Errorf("server requests seen: %v", r.ServerRequests)
	}
	if c := requestByName(r, "completion @ $ref value"); c.N != 8 || c.Items.P50 != 3 || c.Empty != 0 {
		t.Errorf("completion: %+v", c)
	}
	if h := requestByName(r, "hover @ channel key"); h.N != 8 || h.Items.Min != 1 {
		t.Errorf("hover: %+v", h)
	}
	if d := requestByName(r, "definition @ $ref value"); d.Items.P50 != 1 {
		t.Errorf("definition: %+v", d)
	}
	if !requestByName(r, "references @ component message").Unsupported {
		t.Error("references should be reported unsupported")
	}
	if r.Change.Edits != 6 || r.Change.Timeouts != 0 || r.Change.Sync != "incremental" {
		t.Errorf("change: %+v", r.Change)
	}
	if r.Change.PublishesPerEdit != 2 {
		t.Errorf("publishes per edit %v, want 2", r.Change.PublishesPerEdit)
	}
	if r.Memory.HWMMB <= 0 {
		t.Errorf("no memory reading: %+v", r.Memory)
	}
}

// TestRestFollowsWorkAfterTheEdits: a server that works once typing
// pauses is followed until it is done, and one that does nothing is let go
// after a second of calm.
func TestRestFollowsWorkAfterTheEdits(t *testing.T) {
	for _, tc := range []struct {
		mode             string
		minBusy, maxBusy float64
	}{{"pause", 400, 3000}, {"normal", 0, 300}} {
		cfg := fakeConfig(t, tc.mode)
		cfg.rest = 10 * time.Second
		r := run(cfg)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: errors: %v", tc.mode, r.Errors)
		}
		rest := r.Rest
		if rest == nil || !rest.Idle || rest.BusyMS < tc.minBusy || rest.BusyMS > tc.maxBusy {
			t.Errorf("%s: rest %+v, want idle and busy for %v-%v ms", tc.mode, rest, tc.minBusy, tc.maxBusy)
			continue
		}
		if tc.mode == "pause" && rest.CPUMS < 300 {
			t.Errorf("pause: %v ms of processor time after the edits, want about 600", rest.CPUMS)
		}
		if r.Memory.TypingHWMMB <= 0 || r.Memory.TypingHWMMB > r.Memory.HWMMB {
			t.Errorf("%s: memory %+v", tc.mode, r.Memory)
		}
	}
}

func TestDriverSurvivesSilentServer(t *testing.T) {
	start := time.Now()
	r := run(fakeConfig(t, "silent"))
	if h := requestByName(r, "hover @ channel key"); h.Timeouts != 3 || h.N != 0 {
		t.Errorf("hover against a stuck server: %+v", h)
	}
	if r.Change.Timeouts == 0 || r.Change.Edits != 0 {
		t.Errorf("change against a server that never publishes: %+v", r.Change)
	}
	if time.Since(start) > 15*time.Second {
		t.Errorf("run took %v", time.Since(start))
	}
}

func TestDriverReportsMissingServer(t *testing.T) {
	cfg := fakeConfig(t, "normal")
	cfg.command = "/nonexistent/server --stdio"
	r := run(cfg)
	if len(r.Errors) == 0 {
		t.Error("a server that cannot start must be reported")
	}
}
