package preview

import (
	"strings"
	"testing"
)

// TestMarkdownSafety checks goldmark's defaults as the design notes ask (raw
// HTML off, dangerous schemes neutralised) and our allow list on top.
func TestMarkdownSafety(t *testing.T) {
	cases := []struct {
		name, src     string
		want, absents []string
	}{
		{"raw HTML is dropped", "hi <script>alert(1)</script> <img src=x onerror=alert(2)>",
			[]string{"<p>hi"}, []string{"<script", "<img", "onerror"}},
		{"html block is dropped", "<div onclick=\"x()\">block</div>\n\ntext",
			[]string{"<p>text</p>"}, []string{"<div", "onclick"}},
		{"javascript link becomes text", "[click](javascript:alert(1))",
			[]string{"<p>click</p>"}, []string{"href", "javascript"}},
		{"mixed-case scheme", "[x](JaVaScRiPt:alert(1))", []string{"<p>x</p>"}, []string{"href"}},
		{"data link", "[x](data:text/html;base64,AAAA)", []string{"<p>x</p>"}, []string{"href"}},
		{"relative link", "[x](other.md)", []string{"<p>x</p>"}, []string{"href"}},
		{"vbscript autolink", "<vbscript:msgbox>", nil, []string{"href"}},
		{"https link kept, opens outside", "[docs](https://example.com/a?b=1&c=2)",
			[]string{`href="https://example.com/a?b=1&amp;c=2"`, `target="_blank"`, `rel="noopener noreferrer"`}, nil},
		{"mailto autolink", "<team@example.com>", []string{`href="mailto:team@example.com"`}, nil},
		{"anchor link stays in page", "[see](#message-A)", []string{`href="#message-A"`}, []string{"target="}},
		{"linkified bare URL", "see https://example.com/x now", []string{`href="https://example.com/x"`}, nil},
		{"image becomes a link, never loaded", "![diagram](https://example.com/d.png)",
			[]string{`<a href="https://example.com/d.png"`, "[diagram]"}, []string{"<img"}},
		{"data image becomes text", "![x](data:image/png;base64,AAAA)", []string{"[x]"}, []string{"<img", "href"}},
		{"headings move down", "# Big\n\n## Less", []string{"<h4", "<h5"}, []string{"<h1", "<h2"}},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}, nil},
		{"entities stay escaped", "a < b & \"c\"", []string{"a &lt; b &amp; &quot;c&quot;"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := string(Markdown(c.src))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q renders as\n%s\nwant it to contain %q", c.src, got, w)
				}
			}
			for _, a := range c.absents {
				if strings.Contains(strings.ToLower(got), strings.ToLower(a)) {
					t.Errorf("%q renders as\n%s\nwhich must not contain %q", c.src, got, a)
				}
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://x.org": true, "http://x.org/a": true, "mailto:a@b.c": true, "#anchor": true,
		"HTTPS://X.ORG": true, "javascript:alert(1)": false, " javascript:x": false, "https:evil": false,
		"data:text/html,x": false, "file:///etc/passwd": false, "//evil.org": false, "rel/path": false, "": false,
		"vbscript:x": false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}
