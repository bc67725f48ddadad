package schemas

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// reference compiles a version with santhosh-tekuri/jsonschema alone, as a second opinion on validity.
func reference(t testing.TB, version string) *jsonschema.Schema {
	t.Helper()
	bundlesOnce.Do(loadBundles)
	if bundlesErr != nil {
		t.Fatal(bundlesErr)
	}
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(bundles[version]))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.RegisterFormat(&jsonschema.Format{Name: "regex", Validate: func(any) error { return nil }})
	c.RegisterFormat(URITemplate)
	if err := c.AddResource(bundleURL(version), raw); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(bundleURL(version))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Our validator and santhosh-tekuri/jsonschema agree on the validity of the official documents and of
// many mutations of them (deleted and renamed keys, values of another type).
func TestDifferentialValidity(t *testing.T) {
	refs := map[string]*jsonschema.Schema{}
	rng := rand.New(rand.NewSource(1))
	checked, disagreements := 0, 0
	for _, v := range readVerdicts(t) {
		if !IsSupported(v.Version) {
			continue
		}
		src, err := os.ReadFile(filepath.Join(corpusDir, v.File))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parseYAML(src)
		if err != nil {
			continue
		}
		if refs[v.Version] == nil {
			refs[v.Version] = reference(t, v.Version)
		}
		ref := refs[v.Version]
		if ref.Validate(doc) != nil {
			continue // e.g. a $ref that fits two oneOf branches, which we accept on purpose
		}
		for i := 0; i < 12; i++ {
			mutated := clone(doc)
			if !mutate(rng, mutated) {
				continue
			}
			theirs := ref.Validate(mutated) == nil
			probs, err := Validate(v.Version, mutated)
			if err != nil {
				t.Fatal(err)
			}
			ours := len(probs) == 0
			checked++
			if ours != theirs {
				disagreements++
				if disagreements <= 10 {
					b, _ := json.Marshal(probs)
					t.Errorf("%s mutation %d: ours valid=%v, reference valid=%v\nours: %s\nreference: %v", v.File, i, ours, theirs, b, ref.Validate(mutated))
				}
			}
		}
	}
	t.Logf("%d mutated documents compared, %d disagreements", checked, disagreements)
}

// clone deep-copies a decoded document.
func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = clone(e)
		}
		return a
	}
	return v
}

// mutate changes one random place of doc: deletes or renames a key, or replaces a value by one of
// another type. It reports whether it found something to change.
func mutate(rng *rand.Rand, doc any) bool {
	type slot struct {
		obj map[string]any
		arr []any
		key string
		idx int
	}
	var slots []slot
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				slots = append(slots, slot{obj: x, key: k})
				walk(x[k])
			}
		case []any:
			for i, e := range x {
				slots = append(slots, slot{arr: x, idx: i})
				walk(e)
			}
		}
	}
	walk(doc)
	if len(slots) == 0 {
		return false
	}
	s := slots[rng.Intn(len(slots))]
	replacements := []any{json.Number("7"), "text", true, nil, map[string]any{}, []any{}, map[string]any{"$ref": "#/x"}}
	r := replacements[rng.Intn(len(replacements))]
	if s.obj != nil {
		switch rng.Intn(3) {
		case 0:
			delete(s.obj, s.key)
		case 1:
			if strings.HasPrefix(s.key, "asyncapi") {
				return false
			}
			s.obj[s.key+"x"] = s.obj[s.key]
			delete(s.obj, s.key)
		default:
			s.obj[s.key] = r
		}
		return true
	}
	s.arr[s.idx] = r
	return true
}
