package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// hostileDocs builds the documents of SECURITY.md's table: each must get a
// diagnostic with the given code while the server goes on serving.
func hostileDocs() []struct{ name, ext, code, text string } {
	head := "asyncapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\n"
	gen := func(prefix string, fill func(b *strings.Builder, i int), until func(b *strings.Builder, i int) bool) string {
		var b strings.Builder
		b.WriteString(prefix)
		for i := 0; !until(&b, i); i++ {
			fill(&b, i)
		}
		return b.String()
	}
	bomb := head + "x:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 10; i++ {
		bomb += fmt.Sprintf("  a%d: &a%d [", i, i) + strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 8) + fmt.Sprintf("*a%d]\n", i-1)
	}
	docs := []struct{ name, ext, code, text string }{
		{"alias bomb", "yaml", "document-too-large", bomb},
		{"100,000 nested block sequences", "yaml", "yaml-syntax", head + "x: " + strings.Repeat("- ", 100_000) + "x\n"},
		{"100,000 nested flow sequences", "yaml", "yaml-syntax", head + "x: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"},
		{"100,000 nested JSON arrays", "json", "json-syntax", `{"asyncapi": "3.0.0", "x": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}"},
		{"50 MB document", "yaml", "document-too-large", gen(head+"components:\n  schemas:\n",
			func(b *strings.Builder, i int) {
				fmt.Fprintf(b, "    s%d:\n      type: object\n      description: schema number %d\n", i, i)
			},
			func(b *strings.Builder, i int) bool { return b.Len() >= 50<<20 })},
		{"a million keys", "yaml", "document-too-large", gen(head+"x:\n",
			func(b *strings.Builder, i int) { fmt.Fprintf(b, "  k%d: %d\n", i, i) },
			func(b *strings.Builder, i int) bool { return i == 1_000_000 })},
		{"1 MiB of keys", "yaml", "unknown-key", gen(head+"x:\n",
			func(b *strings.Builder, i int) { fmt.Fprintf(b, "  k%d: %d\n", i, i) },
			func(b *strings.Builder, i int) bool { return b.Len() >= 1<<20 })},
		{"a 250,000-item flow sequence on one line", "yaml", "unknown-key", head + "x: [" + strings.Repeat("1, ", 250_000) + "1]\n"},
		{"30 MB line", "yaml", "document-too-large", head + "x: " + strings.Repeat("a", 30<<20) + "\n"},
		{"NUL bytes", "yaml", "yaml-syntax", head + "x: a\x00b\n"},
		{"duplicate keys", "yaml", "duplicate-key", head + "x: 1\nx: 2\n"},
		{"merge keys", "yaml", "unknown-key", "asyncapi: 3.0.0\nbase: &base {title: t, colour: red}\ninfo:\n  <<: *base\n  version: '1'\n"},
		{"custom tags", "yaml", "unknown-key", head + "x: !custom {a: !!binary aGVsbG8=, b: !<tag:yaml.org,2002:python/object> c}\n"},
	}
	if os.Getenv("ASYNCAPI_LS_HOSTILE") == "full" { // the worst cases under the size limit, for SECURITY.md
		docs = append(docs,
			struct{ name, ext, code, text string }{"8 MiB of keys (930,000 nodes)", "yaml", "document-too-large", gen(head+"x:\n",
				func(b *strings.Builder, i int) { fmt.Fprintf(b, "  k%d: %d\n", i, i) },
				func(b *strings.Builder, i int) bool { return b.Len() >= 8<<20-32 })},
			struct{ name, ext, code, text string }{"a 4-million-item flow sequence", "yaml", "document-too-large", head + "x: [" + strings.Repeat("1,", 4_000_000) + "1]\n"},
			struct{ name, ext, code, text string }{"8 MiB line", "yaml", "unknown-key", head + "x: " + strings.Repeat("a", 8<<20-80) + "\n"},
			struct{ name, ext, code, text string }{"245,000 keys (490,000 nodes, just under the limit)", "yaml", "unknown-key", gen(head+"x:\n",
				func(b *strings.Builder, i int) { fmt.Fprintf(b, "  k%d: %d\n", i, i) },
				func(b *strings.Builder, i int) bool { return i == 245_000 })})
	}
	return docs
}

// TestHostileDocuments opens each hostile document, then at once a normal
// one: the normal one is served (a definition answered) while the hostile
// one is analysed, and the hostile one gets its diagnostic. Run with -v to
// see the time and the peak memory of each (the figures in SECURITY.md);
// the deadlines only detect hangs.
func TestHostileDocuments(t *testing.T) {
	for _, d := range hostileDocs() {
		t.Run(d.name, func(t *testing.T) {
			p, _ := startLogged(t)
			p.initialize()
			uri := "file:///hostile/doc." + d.ext
			start := time.Now()
			p.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": d.ext, "version": 1, "text": d.text}})
			p.requireAlive()
			msg := p.await(func(m map[string]any) bool {
				return m["method"] == "textDocument/publishDiagnostics" && m["params"].(map[string]any)["uri"] == uri
			})
			took := time.Since(start)
			var codes []string
			for _, diag := range msg["params"].(map[string]any)["diagnostics"].([]any) {
				codes = append(codes, fmt.Sprint(diag.(map[string]any)["code"]))
			}
			if !strings.Contains(" "+strings.Join(codes, " ")+" ", " "+d.code+" ") {
				t.Errorf("diagnostics %v lack %q", codes, d.code)
			}
			p.requireAlive()
			t.Logf("%d bytes: diagnostic after %v, peak RSS %d MiB", len(d.text), took.Round(time.Millisecond), peakRSS(p.cmd.Process.Pid)>>20)
		})
	}
}

// TestHostileInvalidUTF8 sends raw invalid UTF-8 inside the JSON string (a
// JSON encoder would have replaced it): the document gets a diagnostic.
func TestHostileInvalidUTF8(t *testing.T) {
	p, _ := startLogged(t)
	p.initialize()
	body := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bad.yaml","languageId":"yaml","version":1,"text":"asyncapi: 3.0.0\nx: ` +
		"\xff\xfe\xc3\x28" + `\n"}}}`
	p.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
	msg := p.await(func(m map[string]any) bool {
		return m["method"] == "textDocument/publishDiagnostics" && m["params"].(map[string]any)["uri"] == "file:///bad.yaml"
	})
	if len(msg["params"].(map[string]any)["diagnostics"].([]any)) == 0 {
		t.Error("no diagnostic for invalid UTF-8")
	}
	p.requireAlive()
}
