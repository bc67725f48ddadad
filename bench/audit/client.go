package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/bench/internal/rpc"
)

// client is one language server process spoken to over stdio.
type client struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	conn    *rpc.Conn
	timeout time.Duration
}

// start runs the server command line (split on spaces) with root as the
// workspace folder and initializes it as an editor with snippets would.
func start(command, root string, timeout time.Duration) (*client, error) {
	args := strings.Fields(command)
	if len(args) == 0 {
		return nil, fmt.Errorf("no server command")
	}
	cmd := exec.Command(args[0], args[1:]...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	rootURI := refs.FileURI(root)
	c := &client{cmd: cmd, stdin: stdin, timeout: timeout}
	c.conn = rpc.NewConn(stdout, stdin, rpc.Handler{
		OnRequest: func(method string, _ json.RawMessage) (any, *rpc.Error) {
			if method == "workspace/workspaceFolders" {
				return []map[string]string{{"uri": rootURI, "name": "audit"}}, nil
			}
			return nil, nil // configuration, registrations, progress: defaults
		},
	}).Start()
	init := map[string]any{
		"processId": nil, "rootUri": rootURI,
		"workspaceFolders": []map[string]string{{"uri": rootURI, "name": "audit"}},
		"capabilities": map[string]any{"textDocument": map[string]any{
			"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
			"hover":      map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
		}},
	}
	if _, err := c.call("initialize", init); err != nil {
		c.stop()
		return nil, err
	}
	_ = c.conn.Notify("initialized", map[string]any{})
	return c, nil
}

func (c *client) call(method string, params any) (json.RawMessage, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	return c.conn.Call(ctx, method, params)
}

func (c *client) open(uri, lang, text string) {
	_ = c.conn.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": lang, "version": 1, "text": text}})
}

func (c *client) change(uri string, version int, text string) {
	_ = c.conn.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

func (c *client) close(uri string) {
	_ = c.conn.Notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
}

// stop shuts the server down politely, then for good.
func (c *client) stop() {
	done := make(chan struct{})
	go func() {
		_, _ = c.call("shutdown", nil)
		_ = c.conn.Notify("exit", nil)
		_ = c.stdin.Close()
		_ = c.cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = c.cmd.Process.Kill()
		<-done
	}
}

// position is an LSP position.
type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

func positionParams(uri string, p position) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}
}

// completionAnswer is what the audit reads of a completion result.
type completionAnswer struct {
	Incomplete bool
	Items      []string // labels and inserted texts, unquoted
}

func parseCompletion(raw json.RawMessage) completionAnswer {
	type item struct {
		Label      string `json:"label"`
		InsertText string `json:"insertText"`
		TextEdit   *struct {
			NewText string `json:"newText"`
		} `json:"textEdit"`
	}
	var list struct {
		IsIncomplete bool   `json:"isIncomplete"`
		Items        []item `json:"items"`
	}
	var items []item
	if json.Unmarshal(raw, &list) == nil && list.Items != nil {
		items = list.Items
	} else {
		_ = json.Unmarshal(raw, &items)
	}
	out := completionAnswer{Incomplete: list.IsIncomplete}
	for _, it := range items {
		out.Items = append(out.Items, it.Label)
		if it.TextEdit != nil {
			out.Items = append(out.Items, strings.Trim(strings.TrimSpace(it.TextEdit.NewText), `"'`))
		}
		if it.InsertText != "" {
			out.Items = append(out.Items, strings.Trim(strings.TrimSpace(it.InsertText), `"'`))
		}
	}
	return out
}

// hoverText is the text of a hover result, "" for none.
func hoverText(raw json.RawMessage) string {
	var h struct {
		Contents json.RawMessage `json:"contents"`
	}
	if json.Unmarshal(raw, &h) != nil || len(h.Contents) == 0 {
		return ""
	}
	var markup struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(h.Contents, &markup) == nil && markup.Value != "" {
		return markup.Value
	}
	var s string
	if json.Unmarshal(h.Contents, &s) == nil {
		return s
	}
	var list []json.RawMessage
	if json.Unmarshal(h.Contents, &list) == nil {
		var parts []string
		for _, e := range list {
			var one string
			if json.Unmarshal(e, &one) != nil {
				_ = json.Unmarshal(e, &markup)
				one = markup.Value
			}
			parts = append(parts, one)
		}
		return strings.Join(parts, "\n")
	}
	return ""
}

// nonEmptyResult reports whether a definition or references result holds
// at least one location.
func nonEmptyResult(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	return s != "" && s != "null" && s != "[]"
}
