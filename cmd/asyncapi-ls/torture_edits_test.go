package main

import (
	"math/rand/v2"
	"testing"
	"unicode/utf16"
)

// TestTortureThousandEdits types a document through 1,000 incremental
// didChange notifications (an emoji counts two UTF-16 units), with requests
// interleaved, then checks every request was answered, the final
// diagnostics are for the final version, and the server's text is exact: a
// definition lands where the typed text puts its target.
func TestTortureThousandEdits(t *testing.T) {
	const final = "asyncapi: 3.0.0\ninfo:\n  title: typed 😀 here\n  version: '1'\ncomponents:\n  schemas:\n    target: {type: string}\n    user:\n      $ref: '#/components/schemas/target'\n"
	p, _ := startLogged(t)
	p.initialize()
	const uri = "file:///typed.yaml"
	p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": ""}})

	var typed []rune // the client's text
	pos := func(i int) map[string]any {
		line, col := 0, 0
		for _, r := range typed[:i] {
			if r == '\n' {
				line, col = line+1, 0
				continue
			}
			col += len(utf16.Encode([]rune{r}))
		}
		return map[string]any{"line": line, "character": col}
	}
	version := 1
	pending := map[int]bool{}
	change := func(start, end int, text string) {
		version++
		p.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{"range": map[string]any{"start": pos(start), "end": pos(end)}, "text": text}}})
		typed = append(typed[:start], append([]rune(text), typed[end:]...)...)
		if version%10 == 0 {
			method := []string{"textDocument/hover", "textDocument/definition", "textDocument/documentSymbol", "textDocument/completion"}[version/10%4]
			params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(len(typed) / 2)}
			pending[p.request(method, params)] = true
		}
	}
	rng := rand.New(rand.NewPCG(8, 8))
	for _, r := range final {
		change(len(typed), len(typed), string(r))
		if rng.IntN(3) == 0 { // a typo, then its correction
			change(len(typed), len(typed), "x")
			change(len(typed)-1, len(typed), "")
		}
	}
	for version < 1001 {
		i := rng.IntN(len(typed) + 1)
		change(i, i, "é#")
		change(i, i+2, "")
	}
	if string(typed) != final {
		t.Fatalf("the test's own text is off: %q", string(typed))
	}
	published := false
	p.await(func(m map[string]any) bool {
		if id, ok := m["id"].(float64); ok && m["method"] == nil {
			if m["error"] != nil {
				t.Errorf("request %v failed: %v", id, m["error"])
			}
			delete(pending, int(id))
		}
		if m["method"] == "textDocument/publishDiagnostics" {
			params := m["params"].(map[string]any)
			if params["uri"] == uri && params["version"] == float64(version) {
				published = true
				for _, d := range params["diagnostics"].([]any) {
					if d.(map[string]any)["severity"] == 1.0 {
						t.Errorf("the final text has an error: %v", d)
					}
				}
			}
		}
		return len(pending) == 0 && published
	})
	id := p.request("textDocument/definition", map[string]any{"textDocument": map[string]any{"uri": uri},
		"position": map[string]any{"line": 8, "character": 20}})
	res, _ := p.await(responseTo(id))["result"].(map[string]any)
	if res == nil {
		t.Fatal("no definition on the typed $ref")
	}
	r := res["range"].(map[string]any)
	if start := r["start"].(map[string]any); start["line"] != 6.0 || start["character"] != 4.0 {
		t.Errorf("definition at %v, want line 6 character 4", r)
	}
}
