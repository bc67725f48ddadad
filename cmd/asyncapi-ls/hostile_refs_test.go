package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileWorkspace lays out a folder of dangerous reference targets.
func hostileWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("secret.txt", "TOP-SECRET-TOKEN-1234\n")
	write("secret.yaml", "password: TOP-SECRET-TOKEN-5678\n")
	write("cycle-a.yaml", "asyncapi: 3.0.0\ninfo: {title: a, version: '1'}\ncomponents:\n  schemas:\n    a:\n      $ref: 'cycle-b.yaml#/components/schemas/b'\n")
	write("cycle-b.yaml", "asyncapi: 3.0.0\ninfo: {title: b, version: '1'}\ncomponents:\n  schemas:\n    b:\n      $ref: 'cycle-a.yaml#/components/schemas/a'\n")
	if err := os.Mkdir(filepath.Join(dir, "folder.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	os.Symlink("loop2.yaml", filepath.Join(dir, "loop1.yaml"))
	os.Symlink("loop1.yaml", filepath.Join(dir, "loop2.yaml"))
	f, err := os.Create(filepath.Join(dir, "sparse.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(8 << 30) // 8 GiB of nothing, costing no disk
	f.Close()
	return dir
}

// refDoc is an AsyncAPI document whose only reference is ref, on line 6.
func refDoc(ref string) string {
	return "asyncapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\ncomponents:\n  schemas:\n    s:\n      $ref: '" + ref + "'\n"
}

const refLine = 7 // zero-based line of the $ref in refDoc

// TestHostileReferences opens documents whose reference leads somewhere
// dangerous: each gets a diagnostic on the reference, promptly, and the
// server keeps serving; hover on the reference never shows what a file
// that is not an AsyncAPI or JSON Schema document holds.
func TestHostileReferences(t *testing.T) {
	dir := hostileWorkspace(t)
	outside := filepath.Join(t.TempDir(), "outside.yaml")
	os.WriteFile(outside, []byte("asyncapi: 3.0.0\ncomponents: {schemas: {x: {type: string, description: OUTSIDE-SECRET}}}\n"), 0o644)
	cases := map[string]string{
		"/dev/zero":                     "/dev/zero#/x",
		"a FIFO":                        "fifo.yaml#/x",
		"a directory":                   "folder.yaml#/x",
		"a symlink loop":                "loop1.yaml#/x",
		"a huge sparse file":            "sparse.yaml#/x",
		"a text file":                   "secret.txt#/x",
		"a YAML file that is no schema": "secret.yaml#/password",
		"an absolute path outside":      outside + "#/components/schemas/x",
	}
	p, _ := startLogged(t)
	id := p.request("initialize", map[string]any{"rootUri": "file://" + dir, "capabilities": map[string]any{},
		"workspaceFolders": []any{map[string]any{"uri": "file://" + dir, "name": "w"}}})
	p.await(responseTo(id))
	p.notify("initialized", map[string]any{})
	for name, ref := range cases {
		t.Run(name, func(t *testing.T) {
			uri := "file://" + filepath.Join(dir, strings.NewReplacer(" ", "-", "/", "-").Replace(name)+".yaml")
			p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": refDoc(ref)}})
			if !p.diagnosticOnLine(uri, refLine) {
				t.Errorf("no diagnostic on the $ref to %s", ref)
			}
			id := p.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri},
				"position": map[string]any{"line": refLine, "character": 15}})
			if m := p.await(responseTo(id)); strings.Contains(fmt.Sprint(m), "SECRET") {
				t.Errorf("hover shows the content of %s: %v", ref, m)
			}
			p.requireAlive()
		})
	}
	t.Run("a cycle across files", func(t *testing.T) {
		uri := "file://" + filepath.Join(dir, "cycle-a.yaml")
		text, _ := os.ReadFile(filepath.Join(dir, "cycle-a.yaml"))
		p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": string(text)}})
		if !p.diagnosticOnLine(uri, 5) {
			t.Error("no diagnostic on the $ref of a cycle across files")
		}
		p.requireAlive()
	})
}

// diagnosticOnLine waits for the diagnostics of uri and reports whether one
// starts on line.
func (p *lspProcess) diagnosticOnLine(uri string, line int) bool {
	p.t.Helper()
	msg := p.await(func(m map[string]any) bool {
		return m["method"] == "textDocument/publishDiagnostics" && m["params"].(map[string]any)["uri"] == uri
	})
	for _, d := range msg["params"].(map[string]any)["diagnostics"].([]any) {
		start := d.(map[string]any)["range"].(map[string]any)["start"].(map[string]any)
		if start["line"] == float64(line) {
			return true
		}
	}
	return false
}

// TestRemoteReferencesAreNotFetched points references at a local listener:
// with the default settings the server never connects to it, whatever the
// client asks about the document.
func TestRemoteReferencesAreNotFetched(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	connected := make(chan net.Addr, 1)
	go func() {
		if c, err := ln.Accept(); err == nil {
			connected <- c.RemoteAddr()
			c.Close()
		}
	}()
	p, _ := startLogged(t)
	p.initialize()
	uri := "file:///remote/doc.yaml"
	ref := "http://" + ln.Addr().String() + "/schemas.yaml#/components/schemas/x"
	p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": refDoc(ref)}})
	p.await(func(m map[string]any) bool {
		return m["method"] == "textDocument/publishDiagnostics" && m["params"].(map[string]any)["uri"] == uri
	})
	at := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": refLine, "character": 20}}
	for _, method := range []string{"textDocument/hover", "textDocument/definition", "textDocument/completion", "textDocument/documentLink", "textDocument/references"} {
		params := at
		if method == "textDocument/documentLink" {
			params = map[string]any{"textDocument": map[string]any{"uri": uri}}
		}
		if method == "textDocument/references" {
			params = map[string]any{"textDocument": at["textDocument"], "position": at["position"], "context": map[string]any{"includeDeclaration": true}}
		}
		p.await(responseTo(p.request(method, params)))
	}
	p.requireAlive()
	select {
	case addr := <-connected:
		t.Fatalf("the server connected to the remote reference's host (from %v)", addr)
	case <-time.After(500 * time.Millisecond):
	}
}
