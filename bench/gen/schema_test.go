package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	specs "github.com/asyncapi/spec-json-schemas/v6"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// The official schemas are compiled once per test binary; compiling the 3.x
// ones takes a noticeable fraction of a second.
var (
	schemaMu    sync.Mutex
	schemaCache = map[string]*jsonschema.Schema{}
)

func officialSchema(t testing.TB, version string) *jsonschema.Schema {
	t.Helper()
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s := schemaCache[version]; s != nil {
		return s
	}
	raw, err := specs.Get(version + "-without-$id")
	if err != nil || raw == nil {
		t.Fatalf("no official schema for %s: %v", version, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("file:///asyncapi/%s.json", version)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	schemaCache[version] = s
	return s
}

// decode reads YAML (which includes JSON) into the plain values the
// validator expects, going through JSON so numbers have one representation.
func decode(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("generated document is not YAML: %v", err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("generated document has non-JSON values: %v", err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func validate(t testing.TB, version string, data []byte) any {
	t.Helper()
	doc := decode(t, data)
	if err := officialSchema(t, version).Validate(doc); err != nil {
		t.Fatalf("%s document is not valid against the official schema:\n%v", version, err)
	}
	return doc
}
