package schemas

import (
	"bytes"
	"fmt"
	"slices"
	"sync"

	specjsonschemas "github.com/asyncapi/spec-json-schemas/v6"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// versions lists the supported AsyncAPI versions, oldest first.
var versions = [...]string{"2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "3.0.0", "3.1.0"}

// Supported returns the AsyncAPI versions this package has schemas for, oldest first.
func Supported() []string { return slices.Clone(versions[:]) }

// Latest returns the newest supported AsyncAPI version.
func Latest() string { return versions[len(versions)-1] }

// IsSupported reports whether v is exactly one of the supported versions.
func IsSupported(v string) bool { return slices.Contains(versions[:], v) }

var (
	bundlesOnce sync.Once
	bundles     map[string][]byte
	bundlesErr  error

	specs [len(versions)]struct {
		once sync.Once
		s    *spec
		err  error
	}
)

// loadBundles reads the schema bundles of all supported versions in one go: the Get of
// spec-json-schemas fills a package-level map without a lock, so it is called from here only.
func loadBundles() {
	bundles = make(map[string][]byte, len(versions))
	for _, v := range versions {
		b, err := specjsonschemas.Get(v)
		if err != nil {
			bundlesErr = fmt.Errorf("schemas: reading the %s schema: %w", v, err)
			return
		}
		if b == nil {
			bundlesErr = fmt.Errorf("schemas: no bundled schema for %s", v)
			return
		}
		bundles[v] = b
	}
}

// load returns the compiled schema of one version, compiling it on first use.
func load(version string) (*spec, error) {
	i := slices.Index(versions[:], version)
	if i < 0 {
		return nil, fmt.Errorf("schemas: unsupported AsyncAPI version %q", version)
	}
	e := &specs[i]
	e.once.Do(func() { e.s, e.err = compile(version) })
	return e.s, e.err
}

// bundleURL names a version's bundle inside the compiler; it is never fetched.
func bundleURL(version string) string { return "asyncapi-ls:///asyncapi-" + version + ".json" }

func compile(version string) (*spec, error) {
	bundlesOnce.Do(loadBundles)
	if bundlesErr != nil {
		return nil, bundlesErr
	}
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(bundles[version]))
	if err != nil {
		return nil, fmt.Errorf("schemas: decoding the %s schema: %w", version, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.RegisterFormat(URITemplate)
	url := bundleURL(version)
	if err := c.AddResource(url, raw); err != nil {
		return nil, fmt.Errorf("schemas: adding the %s schema: %w", version, err)
	}
	root, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("schemas: compiling the %s schema: %w", version, err)
	}
	var carried map[string]*jsonschema.Schema
	if version == bindingHost {
		if carried, err = carriedResources(c); err != nil {
			return nil, err
		}
	}
	return build(version, root, raw, carried), nil
}
