package main

import (
	"context"
	"encoding/json"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"asyncapi-ls/bench/internal/rpc"
)

// The end-to-end tests run this test binary a second time as a tiny LSP
// server, so the driver is exercised over real pipes without npm.

const fakeEnv = "LSPBENCH_FAKE_SERVER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(fakeEnv); mode != "" {
		runFakeServer(mode)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runFakeServer behaves per mode:
//
//	normal: answers everything, asks for configuration, and publishes
//	        diagnostics twice per change (with versions)
//	silent: never answers hover and never publishes after a change
//	pause:  as normal, and after each change it works for 600 ms of
//	        processor time unless the next change comes first (as a
//	        server's rules wait for a pause in typing)
func runFakeServer(mode string) {
	var (
		mu         sync.Mutex
		conn       *rpc.Conn
		configSize = -1
		done       = make(chan struct{})
		changes    atomic.Int64
	)
	publish := func(uri string, version, n int) {
		diags := make([]map[string]any, n)
		for i := range diags {
			diags[i] = map[string]any{"message": "fake", "range": map[string]any{
				"start": map[string]int{"line": 0, "character": 0}, "end": map[string]int{"line": 0, "character": 1}}}
		}
		_ = conn.Notify("textDocument/publishDiagnostics", map[string]any{"uri": uri, "version": version, "diagnostics": diags})
	}
	conn = rpc.NewConn(os.Stdin, os.Stdout, rpc.Handler{
		OnRequest: func(method string, params json.RawMessage) (any, *rpc.Error) {
			switch method {
			case "initialize":
				return map[string]any{"capabilities": map[string]any{
					"textDocumentSync":   map[string]any{"openClose": true, "change": 2},
					"completionProvider": map[string]any{}, "hoverProvider": true, "definitionProvider": true,
				}}, nil
			case "textDocument/completion":
				return map[string]any{"isIncomplete": false, "items": []map[string]string{{"label": "a"}, {"label": "b"}, {"label": "c"}}}, nil
			case "textDocument/hover":
				if mode == "silent" {
					time.Sleep(time.Hour) // stuck; the driver must time out
				}
				return map[string]any{"contents": map[string]string{"kind": "markdown", "value": "docs"}}, nil
			case "textDocument/definition":
				return []map[string]any{{"uri": "file:///x", "range": map[string]any{
					"start": map[string]int{"line": 1, "character": 0}, "end": map[string]int{"line": 1, "character": 3}}}}, nil
			case "shutdown":
				return nil, nil
			}
			return nil, &rpc.Error{Code: rpc.CodeMethodNotFound, Message: method}
		},
		OnNotification: func(method string, params json.RawMessage) {
			var p struct {
				TextDocument struct {
					URI     string `json:"uri"`
					Version int    `json:"version"`
				} `json:"textDocument"`
			}
			_ = json.Unmarshal(params, &p)
			switch method {
			case "initialized":
				// Ask from a goroutine: the read loop must stay free to
				// deliver the answer.
				go func() {
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					defer cancel()
					raw, err := conn.Call(ctx, "workspace/configuration", map[string]any{"items": []map[string]string{
						{"section": "yaml"}, {"section": "http"}, {"section": "[yaml]"}}})
					var answer []json.RawMessage
					if err == nil && json.Unmarshal(raw, &answer) == nil {
						mu.Lock()
						configSize = len(answer)
						mu.Unlock()
					}
				}()
			case "textDocument/didOpen":
				// Report how many configuration entries the client gave,
				// as the diagnostic count, so the test can check them.
				time.Sleep(20 * time.Millisecond)
				mu.Lock()
				n := configSize
				mu.Unlock()
				publish(p.TextDocument.URI, p.TextDocument.Version, max(n, 0))
			case "textDocument/didChange":
				if mode == "silent" {
					return
				}
				gen := changes.Add(1)
				go func(uri string, v int) {
					time.Sleep(5 * time.Millisecond)
					publish(uri, v, 0)
					time.Sleep(5 * time.Millisecond)
					publish(uri, v, 1)
					if mode == "pause" {
						spin(600*time.Millisecond, func() bool { return changes.Load() != gen })
					}
				}(p.TextDocument.URI, p.TextDocument.Version)
			case "exit":
				close(done)
			}
		},
	})
	conn.Start()
	select {
	case <-done:
	case <-conn.Done():
	}
}

// spin keeps a processor busy for d, or until stop says so.
func spin(d time.Duration, stop func() bool) {
	for end := time.Now().Add(d); time.Now().Before(end) && !stop(); {
		for i := 0; i < 1e5; i++ {
			_ = i * i
		}
	}
}
