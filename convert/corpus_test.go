package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis"

	"go.yaml.in/yaml/v3"
)

// corpusFiles lists the YAML and JSON files of the official corpus and, when
// ASYNCAPI_LS_REALWORLD names a folder, of realworld-dev.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var dirs []string
	if d := "../../shared/corpus/official"; dirExists(d) {
		dirs = append(dirs, d)
	}
	if d := os.Getenv("ASYNCAPI_LS_REALWORLD"); d != "" && dirExists(d) {
		dirs = append(dirs, d)
	}
	if len(dirs) == 0 {
		t.Skip("no corpus")
	}
	var files []string
	for _, d := range dirs {
		filepath.WalkDir(d, func(path string, de os.DirEntry, err error) error {
			if err == nil && de.Type().IsRegular() {
				switch strings.ToLower(filepath.Ext(path)) {
				case ".yaml", ".yml", ".json":
					files = append(files, path)
				}
			}
			return nil
		})
	}
	return files
}

func dirExists(d string) bool {
	info, err := os.Stat(d)
	return err == nil && info.IsDir()
}

// TestCorpus converts every 2.x and 3.0 document of the corpora and checks
// what must hold for each: the edits give the text, the text parses,
// converting it again changes nothing, and no comment of the author is
// lost but those of the keys that 3.0 has no place for.
func TestCorpus(t *testing.T) {
	converted := 0
	for _, path := range corpusFiles(t) {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := analysis.NewDocument(path, 1, text)
		version, _ := doc.SpecVersion()
		if !isV2(version) && version != "3.0.0" || len(doc.File().Errors) > 0 {
			continue
		}
		t.Run(path, func(t *testing.T) {
			res, err := Convert(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			converted++
			checkResult(t, path, text, res, Options{})
			if doc.Format() == analysis.NewDocument("x.yaml", 0, nil).Format() {
				if lost := lostComments(t, text, res.Text); len(lost) > 0 {
					t.Errorf("comments lost: %q", lost)
				}
			}
		})
	}
	t.Logf("%d documents converted", converted)
}

// lostComments lists the comments of before that after lacks.
func lostComments(t *testing.T, before, after []byte) []string {
	count := map[string]int{}
	for _, c := range comments(before) {
		count[c]++
	}
	for _, c := range comments(after) {
		count[c]--
	}
	var lost []string
	for c, n := range count {
		if n > 0 {
			lost = append(lost, c)
		}
	}
	return lost
}

// comments collects the comment lines of a YAML text, as yaml reads them.
func comments(text []byte) []string {
	var root yaml.Node
	if yaml.Unmarshal(text, &root) != nil {
		return nil
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, line)
				}
			}
		}
		for _, k := range n.Content {
			walk(k)
		}
	}
	walk(&root)
	return out
}
