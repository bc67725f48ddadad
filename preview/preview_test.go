package preview

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// build renders a test document as the docs command does: from disk,
// references followed through a workspace snapshot.
func build(t testing.TB, name string) *Page {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	ws := workspace.New(workspace.Options{})
	return Build(ws.Snapshot(analysis.NewDocument(refs.FileURI(abs), 1, text)))
}

func render(t testing.TB, p *Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p, Options{Nonce: "test-nonce"}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var (
	styleOrScript = regexp.MustCompile(`(?s)(<style nonce="test-nonce">|<script nonce="test-nonce">).*?(</style>|</script>)`)
	absoluteURI   = regexp.MustCompile(`file:///[^"#]*/testdata/`)
)

// structure is the golden form of a page: the markup without the inline
// styles and script (tested on their own), file URIs relative.
func structure(html string) string {
	html = styleOrScript.ReplaceAllString(html, "$1…$2")
	html = absoluteURI.ReplaceAllString(html, "file:///…/testdata/")
	return html
}

// TestGolden compares the page of each test document with its golden file;
// go test ./preview -update rewrites them.
func TestGolden(t *testing.T) {
	docs, _ := filepath.Glob("testdata/*.yaml")
	for _, path := range docs {
		name := filepath.Base(path)
		if strings.Contains(name, "shared") {
			continue // referenced by another document
		}
		t.Run(name, func(t *testing.T) {
			got := structure(render(t, build(t, name)))
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".yaml")+".html")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./preview -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (go test ./preview -update rewrites it):\n%s", name, golden, firstDiff(string(want), got))
			}
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+i%10))) }
