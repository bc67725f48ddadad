package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The protocol torture tests drive the real binary with malformed and
// abusive input. A broken frame header may end the session (the next frame
// cannot be found), but then the process exits promptly and logs why; every
// other malformation is answered and the session goes on.

func startLogged(t *testing.T) (*lspProcess, string) {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), "ls.log")
	return startLSP(t, "--log-file", logPath, "--log-level", "debug"), logPath
}

func (p *lspProcess) raw(s string) {
	if _, err := p.stdin.Write([]byte(s)); err != nil {
		p.t.Fatalf("write: %v", err)
	}
}

func (p *lspProcess) initialize() {
	p.t.Helper()
	id := p.request("initialize", map[string]any{"capabilities": map[string]any{}})
	p.await(responseTo(id))
	p.notify("initialized", map[string]any{})
}

func errorCode(m map[string]any) int {
	e, ok := m["error"].(map[string]any)
	if !ok {
		return 0
	}
	c, _ := e["code"].(float64)
	return int(c)
}

// nullIDError matches an error answer without an id (to a message whose id
// could not be read).
func nullIDError(code int) func(map[string]any) bool {
	return func(m map[string]any) bool { return m["id"] == nil && m["method"] == nil && errorCode(m) == code }
}

func requireLogged(t *testing.T, logPath, want string) {
	t.Helper()
	b, _ := os.ReadFile(logPath)
	if !strings.Contains(string(b), want) {
		t.Errorf("log lacks %q:\n%s", want, b)
	}
}

func TestTortureFatalHeaders(t *testing.T) {
	for name, input := range map[string]string{
		"missing Content-Length":    "Content-Type: application/json\r\n\r\n{}",
		"non-numeric length":        "Content-Length: twelve\r\n\r\n{}",
		"negative length":           "Content-Length: -4\r\n\r\n{}",
		"length past int64":         "Content-Length: 99999999999999999999\r\n\r\n{}",
		"header line without colon": "hello there\r\n\r\n",
		"endless header line":       "Content-Length: 1" + strings.Repeat("0", 1<<20),
	} {
		t.Run(name, func(t *testing.T) {
			p, logPath := startLogged(t)
			p.initialize()
			p.stdin.Write([]byte(input)) // the server may stop reading early
			if code := p.exitCode(); code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			requireLogged(t, logPath, "LSP framing")
		})
	}
}

func TestTortureTruncatedInput(t *testing.T) {
	for name, input := range map[string]string{
		"truncated body":   "Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",",
		"truncated header": "Content-Len",
		"gigabyte claimed": "Content-Length: 1000000000\r\n\r\n{\"jsonrpc\":\"2.0\"}",
	} {
		t.Run(name, func(t *testing.T) {
			p, logPath := startLogged(t)
			p.initialize()
			p.raw(input)
			if hwm := peakRSS(p.cmd.Process.Pid); hwm > 200<<20 {
				t.Errorf("peak memory %d MiB after a truncated frame", hwm>>20)
			}
			p.stdin.Close()
			if code := p.exitCode(); code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			requireLogged(t, logPath, "unexpected EOF")
		})
	}
}

func TestTortureBadMessagesAreAnswered(t *testing.T) {
	p, _ := startLogged(t)
	p.initialize()
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

	p.raw(frame(`{"jsonrpc":"2.0","id":1,"method":`))
	p.await(nullIDError(-32700))
	p.raw(frame(`42`))
	p.await(nullIDError(-32600))
	p.raw(frame(`{"jsonrpc":"2.0","id":77,"foo":1,"method":5}`))
	msg := p.await(func(m map[string]any) bool { return errorCode(m) != 0 })
	if errorCode(msg) != -32600 {
		t.Errorf("wrong-typed method: %v", msg)
	}
	// A message over the size limit is read, dropped and answered.
	big := `{"jsonrpc":"2.0","method":"x","params":"` + strings.Repeat("a", 65<<20) + `"}`
	p.raw(frame(big))
	p.await(nullIDError(-32600))

	id := p.request("no/such/method", map[string]any{})
	if m := p.await(responseTo(id)); errorCode(m) != -32601 {
		t.Errorf("unknown method with params: %v", m)
	}
	p.send(map[string]any{"id": 900, "method": "no/such/method"})
	if m := p.await(responseTo(900)); errorCode(m) != -32601 {
		t.Errorf("unknown method without params: %v", m)
	}
	p.notify("no/such/notification", map[string]any{})
	p.requireAlive()
}

// requireAlive proves the session still answers a request correctly.
func (p *lspProcess) requireAlive() {
	p.t.Helper()
	uri := fmt.Sprintf("file:///alive/%d.yaml", p.nextID)
	p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1,
		"text": "asyncapi: 3.0.0\ncomponents:\n  schemas:\n    a: {type: string}\n    b:\n      $ref: '#/components/schemas/a'\n"}})
	id := p.request("textDocument/definition", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": map[string]any{"line": 5, "character": 14}})
	m := p.awaitKeeping(responseTo(id))
	res, _ := m["result"].(map[string]any)
	if res == nil {
		p.t.Fatalf("definition after the abuse: %v", m)
	}
	start := res["range"].(map[string]any)["start"].(map[string]any)
	if start["line"] != 3.0 || start["character"] != 4.0 {
		p.t.Fatalf("definition after the abuse lands at %v", start)
	}
}

func TestTortureLifecycle(t *testing.T) {
	p, _ := startLogged(t)
	hover := map[string]any{"textDocument": map[string]any{"uri": "file:///x.yaml"}, "position": map[string]any{"line": 0, "character": 0}}
	id := p.request("textDocument/hover", hover)
	if m := p.await(responseTo(id)); errorCode(m) != -32002 {
		t.Errorf("request before initialize: %v", m)
	}
	p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///early.yaml", "languageId": "yaml", "version": 1, "text": "a: 1"}})
	p.initialize()
	id = p.request("initialize", map[string]any{"capabilities": map[string]any{}})
	if m := p.await(responseTo(id)); errorCode(m) != -32600 {
		t.Errorf("second initialize: %v", m)
	}
	p.requireAlive()
	id = p.request("shutdown", nil)
	if m := p.await(responseTo(id)); m["error"] != nil {
		t.Fatalf("shutdown: %v", m)
	}
	id = p.request("textDocument/hover", hover)
	if m := p.await(responseTo(id)); errorCode(m) != -32600 {
		t.Errorf("request after shutdown: %v", m)
	}
	p.notify("exit", nil)
	if code := p.exitCode(); code != 0 {
		t.Errorf("exit code %d after shutdown and exit", code)
	}
}

func TestTortureDuplicateIDsAndCancelStorm(t *testing.T) {
	p, _ := startLogged(t)
	p.initialize()
	params := map[string]any{"textDocument": map[string]any{"uri": "file:///none.yaml"}, "position": map[string]any{"line": 0, "character": 0}}
	for range 3 {
		p.send(map[string]any{"id": 4242, "method": "textDocument/definition", "params": params})
	}
	for i := range 2000 {
		id := any(i)
		if i%3 == 0 {
			id = fmt.Sprint("s", i)
		}
		p.notify("$/cancelRequest", map[string]any{"id": id})
		if i%100 == 0 {
			p.notify("$/cancelRequest", map[string]any{"id": map[string]any{"not": "an id"}})
			p.notify("$/cancelRequest", nil)
		}
	}
	answers := 0
	p.await(func(m map[string]any) bool {
		if v, ok := m["id"].(float64); ok && v == 4242 {
			answers++
		}
		return answers == 3
	})
	p.requireAlive()
}

// peakRSS is the peak resident memory of a process (Linux), 0 elsewhere.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}
