package schemas

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"asyncapi-ls/jsonpointer"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Bindings are described by version. The official bundles hold several
// versions of most protocols' bindings (3.x documents choose one with
// "bindingVersion"); versions no bundle holds — amqp 0.2.0, which most 2.x
// documents use, among them — are carried in bindings/*.json: their fields,
// types and allowed values are the binding's facts, their descriptions our
// own words. Both kinds live in the compiled graph of bindingHost, whose
// bundle holds every bundled binding version (a test keeps that true), so
// 2.x documents, where the official schema leaves bindings open, get the
// same model as 3.x ones.

// bindingHost is the version whose compiled schema holds every binding
// definition.
const bindingHost = "3.1.0"

// bindingIDPrefix starts the id of every binding definition:
// http://asyncapi.com/bindings/<folder>/<version>/<object>.json.
const bindingIDPrefix = "http://asyncapi.com/bindings/"

//go:embed bindings/*.json
var carriedBindings embed.FS

// releasedBindingVersions lists the released versions of every official
// binding (asyncapi/bindings, mid-2026), with or without a definition here.
var releasedBindingVersions = map[string][]string{
	"amqp":         {"0.1.0", "0.2.0", "0.3.0"},
	"amqp1":        {"0.1.0"},
	"anypointmq":   {"0.0.1", "0.1.0"},
	"googlepubsub": {"0.1.0", "0.2.0"},
	"http":         {"0.1.0", "0.2.0", "0.3.0"},
	"ibmmq":        {"0.1.0"},
	"jms":          {"0.0.1"},
	"kafka":        {"0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0"},
	"mercure":      {"0.1.0"},
	"mqtt":         {"0.1.0", "0.2.0"},
	"mqtt5":        {"0.1.0", "0.2.0"},
	"nats":         {"0.1.0"},
	"pulsar":       {"0.1.0"},
	"redis":        {"0.1.0"},
	"ros2":         {"0.1.0"},
	"sns":          {"0.1.0", "0.2.0", "1.0.0"},
	"solace":       {"0.1.0", "0.2.0", "0.3.0", "0.4.0"},
	"sqs":          {"0.1.0", "0.2.0", "0.3.0"},
	"stomp":        {"0.1.0"},
	"ws":           {"0.1.0"},
}

// bindingFolders maps the folders of binding ids to the keys documents use.
var bindingFolders = map[string]string{"websockets": "ws"}

// carriedResources compiles the carried binding definitions into c, which
// holds the bindingHost bundle they refer to (schemas, references,
// extensions), and returns them by id.
func carriedResources(c *jsonschema.Compiler) (map[string]*jsonschema.Schema, error) {
	files, err := carriedBindings.ReadDir("bindings")
	if err != nil {
		return nil, err
	}
	out := map[string]*jsonschema.Schema{}
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".json")
		protocol, version, ok := strings.Cut(name, "-")
		if !ok {
			return nil, fmt.Errorf("schemas: binding file %s is not named protocol-version.json", f.Name())
		}
		data, err := carriedBindings.ReadFile("bindings/" + f.Name())
		if err != nil {
			return nil, err
		}
		raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("schemas: decoding %s: %w", f.Name(), err)
		}
		pointBundleRefs(raw, bundleURL(bindingHost))
		objects, _ := raw.(map[string]any)
		for object, schema := range objects {
			id := bindingIDPrefix + protocol + "/" + version + "/" + object + ".json"
			if err := c.AddResource(id, schema); err != nil {
				return nil, fmt.Errorf("schemas: adding %s: %w", id, err)
			}
			s, err := c.Compile(id)
			if err != nil {
				return nil, fmt.Errorf("schemas: compiling %s: %w", id, err)
			}
			out[id] = s
		}
	}
	return out, nil
}

// pointBundleRefs rewrites references to definitions of the bundle
// (http://asyncapi.com/definitions/...) as pointers into the bundle: the
// compiler resolves the ids embedded in a bundle only from inside it.
func pointBundleRefs(v any, bundle string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if ref, ok := e.(string); ok && k == "$ref" && strings.HasPrefix(ref, "http://asyncapi.com/definitions/") {
				x[k] = bundle + "#/definitions/" + jsonpointer.Escape(ref)
				continue
			}
			pointBundleRefs(e, bundle)
		}
	case []any:
		for _, e := range x {
			pointBundleRefs(e, bundle)
		}
	}
}

// bindingDef is one version of one protocol's binding of one object.
type bindingDef struct {
	version string
	root    *node
	carried bool // defined here, not by a bundle
}

var (
	catalogueOnce sync.Once
	catalogue     map[string]map[string][]bindingDef // protocol -> object -> oldest first
	catalogueSp   *spec
)

// bindingCatalogue indexes the binding definitions of the bindingHost graph.
func bindingCatalogue() (map[string]map[string][]bindingDef, *spec) {
	catalogueOnce.Do(func() {
		sp, err := load(bindingHost)
		if err != nil {
			return
		}
		catalogueSp = sp
		catalogue = map[string]map[string][]bindingDef{}
		for id, n := range sp.bindingRoots {
			folder, version, object, ok := splitBindingID(id)
			if !ok {
				continue
			}
			protocol := folder
			if p, ok := bindingFolders[folder]; ok {
				protocol = p
			}
			if catalogue[protocol] == nil {
				catalogue[protocol] = map[string][]bindingDef{}
			}
			catalogue[protocol][object] = append(catalogue[protocol][object], bindingDef{version: version, root: n, carried: sp.carried[id]})
		}
		for _, objects := range catalogue {
			for _, defs := range objects {
				sort.Slice(defs, func(i, j int) bool { return compareVersions(defs[i].version, defs[j].version) < 0 })
			}
		}
	})
	return catalogue, catalogueSp
}

// splitBindingID reads http://asyncapi.com/bindings/<folder>/<version>/<object>.json.
func splitBindingID(id string) (folder, version, object string, ok bool) {
	parts := strings.Split(strings.TrimPrefix(id, bindingIDPrefix), "/")
	if !strings.HasPrefix(id, bindingIDPrefix) || len(parts) != 3 {
		return "", "", "", false
	}
	return parts[0], parts[1], strings.TrimSuffix(parts[2], ".json"), true
}

// compareVersions orders dotted version numbers numerically.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		var x, y int
		fmt.Sscan(as[i], &x)
		fmt.Sscan(bs[i], &y)
		if x != y {
			return x - y
		}
	}
	return len(as) - len(bs)
}

// BindingVersions lists the released versions of protocol's binding, oldest
// first: those with a definition here and those known only by name.
func BindingVersions(protocol string) []string {
	cat, _ := bindingCatalogue()
	out := slices.Clone(releasedBindingVersions[protocol])
	for _, defs := range cat[protocol] {
		for _, d := range defs {
			if !slices.Contains(out, d.version) {
				out = append(out, d.version)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return compareVersions(out[i], out[j]) < 0 })
	return out
}

// DefinedBindingVersions lists the versions of protocol's binding of object
// (server, channel, operation, message) that have a definition here, newest
// first.
func DefinedBindingVersions(protocol, object string) []string {
	cat, _ := bindingCatalogue()
	defs := cat[protocol][object]
	out := make([]string, 0, len(defs))
	for i := len(defs) - 1; i >= 0; i-- {
		out = append(out, defs[i].version)
	}
	return out
}

// Binding is the definition chosen for one binding object of a document.
type Binding struct {
	Protocol, Object string
	// Version is the version whose definition is used; Requested is the
	// bindingVersion written ("" when absent, then the newest is used).
	Version, Requested string
	// Exact is set when Version is the one requested (or the newest for an
	// absent bindingVersion); validation runs only then.
	Exact bool
	// Carried is set for a version no official bundle holds, described here.
	Carried bool
	root    *node
	sp      *spec
}

// ChooseBinding picks the definition of protocol's binding of object for the
// bindingVersion written: that version, the newest when it is absent or
// "latest", else (a released version without a definition here, or an
// unknown one) the nearest defined version, not Exact. ok is false when the
// protocol has no definition for object.
func ChooseBinding(protocol, object, requested string) (Binding, bool) {
	cat, sp := bindingCatalogue()
	defs := cat[protocol][object]
	if len(defs) == 0 {
		return Binding{}, false
	}
	b := Binding{Protocol: protocol, Object: object, Requested: requested, sp: sp}
	pick := func(d bindingDef, exact bool) (Binding, bool) {
		b.Version, b.root, b.Carried, b.Exact = d.version, d.root, d.carried, exact
		return b, true
	}
	if requested == "" || requested == "latest" {
		return pick(defs[len(defs)-1], true)
	}
	for _, d := range defs {
		if d.version == requested {
			return pick(d, true)
		}
	}
	if !slices.Contains(releasedBindingVersions[protocol], requested) {
		return pick(defs[len(defs)-1], false) // unknown: the newest stands in
	}
	// A released version without a definition: the nearest older one, else
	// the oldest newer one.
	best := -1
	for i, d := range defs {
		if compareVersions(d.version, requested) < 0 {
			best = i
		}
	}
	if best < 0 {
		best = 0
	}
	return pick(defs[best], false)
}

// Label names the definition, e.g. "amqp channel binding 0.2.0".
func (b Binding) Label() string {
	return b.Protocol + " " + b.Object + " binding " + b.Version
}

// DocURL links the binding's documentation.
func (b Binding) DocURL() string {
	folder := b.Protocol
	for f, p := range bindingFolders {
		if p == b.Protocol {
			folder = f
		}
	}
	return "https://github.com/asyncapi/bindings/blob/master/" + path.Clean(folder) + "/README.md"
}

// At returns the model of the place rest inside the binding object whose
// value is value (as decoded for Validate; the binding object itself for an
// empty rest); nil when the binding says nothing there.
func (b Binding) At(value any, rest []string) *Model {
	if b.root == nil {
		return nil
	}
	m := b.sp.walk([]*node{b.root}, value, true, slices.Clone(rest))
	if m != nil {
		m.markBinding(b)
	}
	return m
}

// Validate checks value, the binding object at path of a document, against
// the binding's definition; the problems carry full document paths.
func (b Binding) Validate(value any, path []string) []Problem {
	if b.root == nil {
		return nil
	}
	c := &checker{}
	if c.check(b.root, value) {
		return nil
	}
	c.collect = true
	c.path = slices.Clone(path)
	c.check(b.root, value)
	doc := value
	for i := len(path) - 1; i >= 0; i-- {
		doc = map[string]any{path[i]: doc}
	}
	problems := b.sp.problems(c.errs, doc)
	for i := range problems {
		problems[i].DocURL = b.DocURL()
	}
	return problems
}

// markBinding makes the model of a binding's own field speak of the
// binding: its link and label. A schema inside a binding (a kafka key) keeps
// the links of the schema's keywords.
func (m *Model) markBinding(b Binding) {
	if !m.inBindingDef() {
		return
	}
	m.Binding, m.DocURL = b.Label(), b.DocURL()
	if m.Object == "" && len(m.Path) == 0 {
		m.Object = "the " + b.Protocol + " " + b.Object + " binding"
	}
}

// inBindingDef reports whether the model's schemas belong to a binding's
// definition.
func (m *Model) inBindingDef() bool {
	for _, n := range m.nodes {
		if n.def != nil && n.def.binding != "" {
			return true
		}
	}
	return false
}

// BindingLocation finds the binding a document path leads into: the object
// it binds (server, channel, operation or message) and the index of the
// protocol's key in path. ok is false outside bindings.
func BindingLocation(path []string) (object string, at int, ok bool) {
	if len(path) >= 4 && path[0] == "components" {
		if obj, isBindings := strings.CutSuffix(path[1], "Bindings"); isBindings && obj != "" {
			return obj, 3, true // components.<object>Bindings.<name>.<protocol>
		}
	}
	i := -1
	for j := len(path) - 1; j >= 0 && i < 0; j-- {
		if path[j] == "bindings" {
			i = j
		}
	}
	if i < 1 || i+1 >= len(path) {
		return "", 0, false
	}
	object = boundObject(path[:i])
	return object, i + 1, object != ""
}

// boundObject names the kind of object at owner that holds "bindings".
func boundObject(owner []string) string {
	n := len(owner)
	if n >= 2 && owner[n-2] == "traits" {
		owner, n = owner[:n-2], n-2 // a trait binds what it is applied to
	}
	if n >= 2 && owner[n-2] == "oneOf" {
		owner, n = owner[:n-2], n-2 // 2.x message.oneOf
	}
	if n == 0 {
		return ""
	}
	switch owner[n-1] {
	case "message":
		return "message"
	case "publish", "subscribe":
		return "operation"
	}
	if n < 2 {
		return ""
	}
	switch owner[n-2] {
	case "servers":
		return "server"
	case "channels":
		return "channel"
	case "operations", "operationTraits":
		return "operation"
	case "messages", "messageTraits":
		return "message"
	}
	return ""
}
