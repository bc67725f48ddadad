package preview

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/workspace"
)

var (
	tagRe       = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	attrValueRe = regexp.MustCompile(`="[^"]*"`)
	handlerRe   = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	hrefRe      = regexp.MustCompile(`\b(?:href|src|action|formaction)="([^"]*)"`)
	allowedHref = regexp.MustCompile(`^(?:https?://|mailto:|#)`)
	scriptRe    = regexp.MustCompile(`(?i)<script`)
)

// checkMarkup fails when html has a script besides the page's own (want
// scripts), an inline event handler, or a link, source or action that is
// not http, https, mailto or an anchor. Text cannot hold a tag: "<" is
// escaped there, so every "<letter" starts a real element.
func checkMarkup(t *testing.T, html string, scripts int, input string) {
	t.Helper()
	if n := len(scriptRe.FindAllString(html, -1)); n != scripts {
		t.Fatalf("%d scripts, want %d, for %q", n, scripts, input)
	}
	for _, tag := range tagRe.FindAllString(html, -1) {
		if handlerRe.MatchString(attrValueRe.ReplaceAllString(tag, `=""`)) {
			t.Fatalf("event handler in %s, for %q", tag, input)
		}
		for _, m := range hrefRe.FindAllStringSubmatch(tag, -1) {
			if !allowedHref.MatchString(m[1]) {
				t.Fatalf("link %q in %s, for %q", m[1], tag, input)
			}
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"[a](javascript:x)", "<script>x</script>", "![i](https://e/x.png)", "<a href=\"x\" onclick=y>z</a>",
		"[a](<javascript:x>)", "<http://a.b/c?d=<e>>", "# h\n\n```\n<script>\n```", "[a]: javascript:x\n\n[b][a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkMarkup(t, string(Markdown(src)), 0, src)
	})
}

// FuzzPage renders documents made from the test documents: never a crash,
// never markup from the document.
func FuzzPage(f *testing.F) {
	docs, _ := filepath.Glob("testdata/*.yaml")
	for _, d := range docs {
		if b, err := os.ReadFile(d); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		doc := analysis.NewDocument("file:///fuzz/api.yaml", 1, text)
		page := Build(workspace.New(workspace.Options{}).Snapshot(doc))
		var buf bytes.Buffer
		if err := Write(&buf, page, Options{Nonce: "n"}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		checkMarkup(t, out, 1, string(text))
		if !strings.Contains(out, "<script nonce=\"n\">") {
			t.Fatal("the page's own script lost its nonce")
		}
	})
}
