package conformance

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/workspace"
)

// internalName matches what must never reach a user: the names our schema
// compiler gives the places it builds, Go type names and values printed
// raw, pointers of our own making, and errors of libraries passed through
// unread.
var internalName = regexp.MustCompile(strings.Join([]string{
	`__asyncapi_ls`,   // where a schema sits in its compiler resource
	`asyncapi-ls:///`, // the compiler's name of the document
	`\b(?:syntax|analysis|jsonschema|yaml|refs|schemas)\.[A-Z]\w*`, // Go types
	`map\[string\]`, `\[\]interface`, `interface \{\}`, `\[\]any\b`,
	`%!`, `<nil>`, `\b0xc[0-9a-f]{6,}`, // fmt's verbs gone wrong, raw pointers
	`goroutine \d`, `runtime error`,
	`jsonschema: `, `validation failed with`, // santhosh-tekuri's own wording
}, "|"))

// TestNoInternalNames runs every document of the project's test data and of
// the corpora present (ASYNCAPI_LS_REALWORLD for realworld-dev) with every
// rule on, in strict mode, and fails on any message that shows an internal
// name.
func TestNoInternalNames(t *testing.T) {
	dirs := []string{"../examples", "../analysis/testdata", "../analysis/rules/testdata", "../server/testdata", "../editors/testdata",
		filepath.Join(corpusDir, "official")}
	if rw := os.Getenv("ASYNCAPI_LS_REALWORLD"); rw != "" {
		dirs = append(dirs, rw)
	}
	levels := map[string]analysis.Severity{}
	for _, r := range rules.All() {
		if r.Severity == analysis.SeverityOff {
			levels[r.Code] = analysis.SeverityHint
		}
	}
	opts := config.New(&config.Config{Levels: levels, Strict: true}, workspace.New(workspace.Options{}))
	files, messages := 0, 0
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			t.Logf("%s: not present", dir)
			continue
		}
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !slices.Contains([]string{".yaml", ".yml", ".json"}, strings.ToLower(filepath.Ext(path))) {
				return nil
			}
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			abs, _ := filepath.Abs(path)
			doc := analysis.NewDocument("file://"+filepath.ToSlash(abs), 1, text)
			files++
			for _, diag := range analysis.Analyze(doc, opts) {
				texts := []string{diag.Message}
				for _, r := range diag.Related {
					texts = append(texts, r.Message)
				}
				for _, msg := range texts {
					messages++
					if m := internalName.FindString(msg); m != "" {
						line, _ := doc.Mapper.Column(diag.Start)
						t.Errorf("%s:%d: [%s] %q shows %q", path, line, diag.Code, msg, m)
					}
				}
			}
			return nil
		})
	}
	t.Logf("%d messages of %d files", messages, files)
	if files == 0 {
		t.Fatal("no documents found")
	}
}
