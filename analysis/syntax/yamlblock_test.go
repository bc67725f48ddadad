package syntax

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/bench/gen"

	"go.yaml.in/yaml/v3"
)

// The block reader must build exactly the tree yaml.v3's nodes give, or
// give up. These tests hold it to that on every YAML document at hand (the
// repository's, the shared corpus, realworld-dev when present, generated
// ones), on each top-level section of those (the incremental parser reads
// sections alone), and by fuzzing.

// blockAgrees parses text both ways. It returns false when the block reader
// gave up, and fails t when the reader's tree differs from yaml.v3's.
func blockAgrees(t *testing.T, name string, text []byte) bool {
	t.Helper()
	fast := &File{}
	if !parseBlockYAML(text, fast) {
		return false
	}
	slow := &File{}
	parseYAMLv3(text, slow)
	if len(slow.Errors) > 0 || len(slow.ExtraDocuments) > 0 {
		t.Errorf("%s: the block reader took a text yaml.v3 refuses: %+v (extra documents %v)", name, slow.Errors, slow.ExtraDocuments)
		return true
	}
	if diff := treeDiff(slow.Root, fast.Root, "$"); diff != "" {
		t.Errorf("%s: %s", name, diff)
	}
	if got, want := keysAt(fast.Duplicates), keysAt(slow.Duplicates); got != want {
		t.Errorf("%s: duplicate keys %s, yaml.v3 %s", name, got, want)
	}
	return true
}

func keysAt(ns []*Node) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "%q@%d ", n.Value, n.Start)
	}
	return b.String()
}

// treeDiff describes the first difference between want and got, or "".
func treeDiff(want, got *Node, at string) string {
	if want == nil || got == nil {
		if want != got {
			return fmt.Sprintf("%s: yaml.v3 %v, block reader %v", at, want, got)
		}
		return ""
	}
	type fields struct {
		Kind         Kind
		Quoted, Flow bool
		Start, End   int
		Value, Tag   string
		Pairs, Items int
	}
	w := fields{want.Kind, want.Quoted, want.Flow, want.Start, want.End, want.Value, want.Tag(), len(want.Pairs), len(want.Items)}
	g := fields{got.Kind, got.Quoted, got.Flow, got.Start, got.End, got.Value, got.Tag(), len(got.Pairs), len(got.Items)}
	if w != g {
		return fmt.Sprintf("%s: yaml.v3 %+v, block reader %+v", at, w, g)
	}
	for i, p := range want.Pairs {
		if d := treeDiff(p.Key, got.Pairs[i].Key, at+".key("+p.Key.Value+")"); d != "" {
			return d
		}
		if d := treeDiff(p.Value, got.Pairs[i].Value, at+"."+p.Key.Value); d != "" {
			return d
		}
	}
	for i, it := range want.Items {
		if d := treeDiff(it, got.Items[i], fmt.Sprintf("%s[%d]", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// yamlDocuments lists the YAML files under the repository, the shared
// corpus beside it and ASYNCAPI_LS_REALWORLD, with generated documents.
func yamlDocuments(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	for _, root := range []string{"../..", "../../../shared/corpus", os.Getenv("ASYNCAPI_LS_REALWORLD")} {
		if root == "" {
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			// Installed packages and generated benchmark output are not ours.
			if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "out" || d.Name() == "peers") {
				return filepath.SkipDir
			}
			if ext := strings.ToLower(filepath.Ext(p)); d.Type().IsRegular() && (ext == ".yaml" || ext == ".yml") {
				if text, err := os.ReadFile(p); err == nil && len(text) < 8<<20 {
					docs[p] = text
				}
			}
			return nil
		})
	}
	for _, v := range []string{"2.6.0", "3.0.0"} {
		docs["generated-"+v] = gen.Generate(gen.Options{Version: v, Channels: 100})
	}
	return docs
}

func TestBlockReaderMatchesYAMLv3(t *testing.T) {
	docs := yamlDocuments(t)
	taken, sections := 0, 0
	for name, text := range docs {
		if blockAgrees(t, name, text) {
			taken++
		}
		// Each top-level entry's block mapping alone, as the incremental
		// parser reads it.
		slow := &File{}
		parseYAMLv3(text, slow)
		if slow.Root == nil || slow.Root.Kind != Mapping {
			continue
		}
		for _, p := range slow.Root.Pairs {
			if v := p.Value; v.Kind == Mapping && !v.Flow && len(v.Pairs) > 0 {
				start := v.Start
				for start > 0 && text[start-1] == ' ' {
					start--
				}
				end := min(lineEnd(text, v.End)+1, len(text))
				if blockAgrees(t, name+" section "+p.Key.Value, text[start:end]) {
					sections++
				}
			}
		}
	}
	t.Logf("the block reader took %d of %d documents and %d sections", taken, len(docs), sections)
	if taken == 0 {
		t.Fatal("the block reader took no document: the test checks nothing")
	}
}

// TestBlockReaderForms pins what the reader reads itself and what it
// leaves to yaml.v3.
func TestBlockReaderForms(t *testing.T) {
	for _, c := range []struct {
		text  string
		taken bool
	}{
		{"a: 1\nb: [x, 'y', \"z\\u00e9\"]\nc:\n  - d: {e: f}\n    g: ~\n  -\n  - |\n    text\n\n    more\n\nh: >-\n  folded\n  lines\n\n  para\n", true},
		{"---\nk:\n- a\n- b\nl: true # comment\n", true},
		{"a: &x 1\nb: *x\n", false},
		{"a: !!str 1\n", false},
		{"a: one\n  two\n", false},
		{"a: 'one\n  two'\n", false},
		{"a: 1\n---\nb: 2\n", false},
		{"a:\tb\n", false},
		{"a: 1\r\nb:\r\n  - |\r\n    x\r\n\r\n    y\r\n  - [c, 'd']\r\n", true},
		{"a: 1\rb: 2\r", false},
		{"? a\n: b\n", false},
		{"a: |+\n  x\n", false},
		{"a: |2\n   x\n", false},
		{"a: b: c\n", false},
		{"<<: {a: 1}\n", false},
		{"a: [1, 2,]\n", false},
		{"", false},
		{"- a\n", false},
	} {
		if got := blockAgrees(t, fmt.Sprintf("%q", c.text), []byte(c.text)); got != c.taken {
			t.Errorf("%q: taken %v, want %v", c.text, got, c.taken)
		}
	}
}

// TestPlainTagMatchesYAMLv3 checks the shortcut of plainTag against yaml.v3's
// resolution.
func TestPlainTagMatchesYAMLv3(t *testing.T) {
	for _, v := range []string{"", "a", "true", "True", "TRUE", "tRUE", "false", "no", "yes", "on", "off", "y", "n", "N", "null", "Null", "~",
		"1", "-1", "+1", "0x1F", "0o17", "017", "1_000", "1.5", ".5", "1e3", ".inf", "-.Inf", ".nan", "2026-04-01", "2026-04-01T10:15:00Z",
		"<<", "$ref", "/a", "_x", "(x)", "é", "Yes", "On", "NULL", "nULL", "12:30", "1.2.3"} {
		y := yaml.Node{Kind: yaml.ScalarNode, Value: v}
		code := plainTag(v)
		if code == customTag {
			t.Errorf("plainTag(%q) is no common tag, yaml.v3 %s", v, y.ShortTag())
			continue
		}
		if got, want := commonTags[code], y.ShortTag(); got != want {
			t.Errorf("plainTag(%q) = %s, yaml.v3 %s", v, got, want)
		}
	}
}

func FuzzBlockReader(f *testing.F) {
	for _, s := range []string{
		"a: 1\nb:\n  - x\n  - y: z\n    w: [1, {q: r}]\n",
		"info:\n  title: T\n  description: |\n    line\n\n    more\n  version: '1.0'\n",
		"k: >\n  a\n  b\n\n  c\nm:\n- 1\n- 'two'\n- \"th\\\"ree\"\n",
		"x: 2026-01-01\ny: 0x10\nz: .inf\nn: ~\n",
		"  a: 1\n  b:\n    c: d\n",
		"a: x\r\nb: >-\r\n  c\r\n  d\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		if len(text) > 4096 {
			return
		}
		blockAgrees(t, "input", text)
	})
}

// BenchmarkReadYAML compares the block reader with the yaml.v3 path on the
// generated 1,000-channel document, one core each:
//
//	go test ./analysis/syntax -run XXX -bench ReadYAML -benchmem -cpu 1
func BenchmarkReadYAML(b *testing.B) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 1000})
	b.Run("block-reader", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if !parseBlockYAML(text, &File{}) {
				b.Fatal("the block reader gave up on the generated document")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			parseYAMLv3(text, &File{})
		}
	})
}
