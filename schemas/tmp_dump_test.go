package schemas

import (
	yaml "go.yaml.in/yaml/v3"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDumpInvalid(t *testing.T) {
	for _, v := range readVerdicts(t) {
		if v.Valid || strings.HasPrefix(v.Version, "1.") {
			continue
		}
		src, _ := os.ReadFile(filepath.Join(corpusDir, v.File))
		var doc any
		if err := yaml.Unmarshal(src, &doc); err != nil {
			continue
		}
		doc = plain(doc)
		probs, err := Validate(v.Version, doc)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("== %s (%s) %d", v.File, v.Version, len(probs))
		for _, p := range probs {
			t.Logf("   %s %q key=%v: %s [%s] %s", p.Code, p.Path, p.OnKey, p.Message, p.Suggestion, p.DocURL)
		}
	}
}
