package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var binary string

// TestMain builds the real binary once; the end-to-end tests drive it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "asyncapi-ls-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "asyncapi-ls")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build failed: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runBinary(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

func TestCheckExamples(t *testing.T) {
	// The valid examples have no errors; recommendations (warnings, infos)
	// are fine.
	out, _, code := runBinary(t, "check", "../../examples/account-service.yaml", "../../examples/legacy-2.6.json")
	if code != 0 || strings.Contains(out, ": error:") {
		t.Fatalf("valid examples: code %d, output:\n%s", code, out)
	}
	out, _, code = runBinary(t, "check", "../../examples/order-events-with-mistakes.yaml")
	if code != 1 {
		t.Fatalf("mistakes example: code %d", code)
	}
	for _, want := range []string{
		"order-events-with-mistakes.yaml:4:3: error:", "[unknown-key]", `"title"`,
		"order-events-with-mistakes.yaml:8:5: error:", `"address"`,
		"order-events-with-mistakes.yaml:15:13: error:", "[not-allowed-value]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckJSONFormatAndFolders(t *testing.T) {
	out, _, code := runBinary(t, "check", "--format", "json", "../../examples")
	if code != 1 {
		t.Fatalf("code %d", code)
	}
	var results []struct {
		File        string `json:"file"`
		Diagnostics []struct {
			Line     int    `json:"line"`
			Severity string `json:"severity"`
			Code     string `json:"code"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(results) != 3 {
		t.Fatalf("want 3 files, got %d", len(results))
	}
}

func TestCheckUsageAndIOErrors(t *testing.T) {
	if _, _, code := runBinary(t, "check"); code != 2 {
		t.Errorf("no paths: code %d, want 2", code)
	}
	if _, _, code := runBinary(t, "check", "/no/such/file.yaml"); code != 2 {
		t.Errorf("missing file: code %d, want 2", code)
	}
	if _, _, code := runBinary(t, "check", "/dev/null"); code != 2 {
		t.Errorf("not a regular file: code %d, want 2", code)
	}
	if _, _, code := runBinary(t, "--no-such-flag"); code != 2 {
		t.Errorf("bad flag: code %d, want 2", code)
	}
	out, _, code := runBinary(t, "version")
	if code != 0 || !strings.HasPrefix(out, "asyncapi-ls ") {
		t.Errorf("version: %d %q", code, out)
	}
	out, _, code = runBinary(t, "--help")
	if code != 0 || !strings.Contains(out, "check") {
		t.Errorf("help: %d %q", code, out)
	}
}

// lspProcess drives the real binary over stdio with raw JSON-RPC frames.
type lspProcess struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	reader *bufio.Reader
	nextID int
	// kept holds the messages awaitKeeping read past; await looks at them
	// first, so that a check in between loses nothing the test waits for.
	mu   sync.Mutex
	kept []map[string]any
}

func startLSP(t *testing.T, args ...string) *lspProcess {
	t.Helper()
	cmd := exec.Command(binary, args...)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &lspProcess{t: t, cmd: cmd, stdin: stdin, reader: bufio.NewReader(stdout)}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return p
}

func (p *lspProcess) send(msg map[string]any) {
	msg["jsonrpc"] = "2.0"
	body, _ := json.Marshal(msg)
	fmt.Fprintf(p.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

func (p *lspProcess) request(method string, params any) int {
	p.nextID++
	p.send(map[string]any{"id": p.nextID, "method": method, "params": params})
	return p.nextID
}

func (p *lspProcess) notify(method string, params any) {
	p.send(map[string]any{"method": method, "params": params})
}

// read returns the next message from the server.
func (p *lspProcess) read() map[string]any {
	p.t.Helper()
	length := 0
	for {
		line, err := p.reader.ReadString('\n')
		if err != nil {
			p.t.Fatalf("reading header: %v", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			length, _ = strconv.Atoi(v)
		}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(p.reader, body); err != nil {
		p.t.Fatal(err)
	}
	var msg map[string]any
	if err := json.Unmarshal(body, &msg); err != nil {
		p.t.Fatal(err)
	}
	return msg
}

// await reads until a message satisfies match.
func (p *lspProcess) await(match func(map[string]any) bool) map[string]any {
	p.t.Helper()
	return p.awaitThen(match, nil)
}

// awaitKeeping is await that keeps the messages it reads past for later
// awaits (requireAlive waits for its answer while the test's document may
// be published).
func (p *lspProcess) awaitKeeping(match func(map[string]any) bool) map[string]any {
	p.t.Helper()
	return p.awaitThen(match, func(m map[string]any) {
		p.mu.Lock()
		p.kept = append(p.kept, m)
		p.mu.Unlock()
	})
}

// awaitThen returns the first message, kept or read, that matches; skip
// receives those read past (nil: dropped).
func (p *lspProcess) awaitThen(match func(map[string]any) bool, skip func(map[string]any)) map[string]any {
	p.t.Helper()
	p.mu.Lock()
	for i, m := range p.kept {
		if match(m) {
			p.kept = slices.Delete(p.kept, i, i+1)
			p.mu.Unlock()
			return m
		}
	}
	p.mu.Unlock()
	done := make(chan map[string]any, 1)
	go func() {
		for {
			msg := p.read()
			if match(msg) {
				done <- msg
				return
			}
			if skip != nil {
				skip(msg)
			}
		}
	}()
	select {
	case msg := <-done:
		return msg
	case <-time.After(20 * time.Second):
		p.t.Fatal("timed out waiting for a message")
		return nil
	}
}

func responseTo(id int) func(map[string]any) bool {
	return func(m map[string]any) bool {
		v, ok := m["id"].(float64)
		return ok && int(v) == id && m["method"] == nil
	}
}

func (p *lspProcess) exitCode() int {
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		return 0
	case <-time.After(10 * time.Second):
		p.t.Fatal("process did not exit")
		return -1
	}
}

func TestStdioSessionEndToEnd(t *testing.T) {
	p := startLSP(t, "--stdio")
	id := p.request("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}})
	res := p.await(responseTo(id))
	caps := res["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("positionEncoding %v", caps["positionEncoding"])
	}
	p.notify("initialized", map[string]any{})
	text, _ := os.ReadFile("../../examples/order-events-with-mistakes.yaml")
	p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file:///tmp/orders.yaml", "languageId": "yaml", "version": 1, "text": string(text)}})
	msg := p.await(func(m map[string]any) bool { return m["method"] == "textDocument/publishDiagnostics" })
	diags := msg["params"].(map[string]any)["diagnostics"].([]any)
	if len(diags) < 3 {
		t.Fatalf("want at least 3 diagnostics, got %v", diags)
	}
	id = p.request("shutdown", nil)
	p.await(responseTo(id))
	p.notify("exit", nil)
	if code := p.exitCode(); code != 0 {
		t.Fatalf("exit code %d after shutdown+exit", code)
	}
}

func TestStdioExitWithoutShutdownAndEOF(t *testing.T) {
	p := startLSP(t)
	id := p.request("initialize", map[string]any{"capabilities": map[string]any{}})
	p.await(responseTo(id))
	p.notify("exit", nil)
	if code := p.exitCode(); code != 1 {
		t.Fatalf("exit without shutdown: code %d, want 1", code)
	}
	p = startLSP(t)
	p.stdin.Close()
	if code := p.exitCode(); code != 1 {
		t.Fatalf("EOF: code %d, want 1", code)
	}
}

// Invalid UTF-8 cannot travel over JSON-RPC (clients send valid strings), but
// files read from disk can hold it.
func TestCheckInvalidUTF8(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(path, []byte("asyncapi: 3.0.0\ninfo:\n  title: \"bad \xff byte\"\n  version: 1.0.0\n"), 0o644)
	out, _, code := runBinary(t, "check", path)
	if code != 1 || !strings.Contains(out, "bad.yaml:3:15: error:") || !strings.Contains(out, "[invalid-utf8]") {
		t.Fatalf("code %d, output:\n%s", code, out)
	}
}
