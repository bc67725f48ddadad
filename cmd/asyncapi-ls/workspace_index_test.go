package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asyncapi-ls/analysis/refs"
)

// TestWorkspaceIndexingWithProgress drives the real binary: on
// "initialized" it registers a file watcher, indexes the workspace folder
// with work-done progress (begin … end), and afterwards workspace/symbol
// finds objects of files that were never opened; a watched-file event adds
// a new document to the index.
func TestWorkspaceIndexingWithProgress(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := func(channel string) string {
		return "asyncapi: 3.0.0\ninfo:\n  title: T\n  version: 1.0.0\nchannels:\n  " + channel + ":\n    address: x\n"
	}
	write("orders.yaml", doc("orderPlaced"))
	write("sub/payments.yaml", doc("paymentSettled"))
	write("node_modules/pkg/ignored.yaml", doc("ignoredChannel"))

	p := startLSP(t)
	id := p.request("initialize", map[string]any{
		"processId":        nil,
		"rootUri":          refs.FileURI(dir),
		"workspaceFolders": []any{map[string]any{"uri": refs.FileURI(dir), "name": "ws"}},
		"capabilities": map[string]any{
			"window":    map[string]any{"workDoneProgress": true},
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
		},
	})
	p.await(responseTo(id))
	p.notify("initialized", map[string]any{})

	var kinds []string
	registered, created := false, false
	p.await(func(m map[string]any) bool {
		method, _ := m["method"].(string)
		if m["id"] != nil && method != "" { // a request from the server: answer it
			p.send(map[string]any{"id": m["id"], "result": nil})
		}
		switch method {
		case "client/registerCapability":
			registered = strings.Contains(toJSON(m["params"]), "workspace/didChangeWatchedFiles")
		case "window/workDoneProgress/create":
			created = true
		case "$/progress":
			v, _ := m["params"].(map[string]any)["value"].(map[string]any)
			kind, _ := v["kind"].(string)
			kinds = append(kinds, kind)
			return kind == "end"
		}
		return false
	})
	if !registered || !created || len(kinds) < 2 || kinds[0] != "begin" {
		t.Fatalf("registered %v, created %v, progress %v", registered, created, kinds)
	}

	names := func(query string) string {
		id := p.request("workspace/symbol", map[string]any{"query": query})
		res := p.await(responseTo(id))
		return toJSON(res["result"])
	}
	if got := names("Placed"); !strings.Contains(got, "orderPlaced") {
		t.Fatalf("workspace/symbol Placed: %s", got)
	}
	if got := names("settled"); !strings.Contains(got, "paymentSettled") {
		t.Fatalf("workspace/symbol settled: %s", got)
	}
	if got := names("ignored"); strings.Contains(got, "ignoredChannel") {
		t.Fatalf("node_modules was indexed: %s", got)
	}

	write("late.yaml", doc("lateArrival"))
	p.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{
		map[string]any{"uri": refs.FileURI(filepath.Join(dir, "late.yaml")), "type": 1}}})
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(names("late"), "lateArrival") {
		if time.Now().After(deadline) {
			t.Fatal("the created file never reached the index")
		}
		time.Sleep(50 * time.Millisecond)
	}
	id = p.request("shutdown", nil)
	p.await(responseTo(id))
	p.notify("exit", nil)
	if code := p.exitCode(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
