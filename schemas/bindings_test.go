package schemas

import (
	"slices"
	"strings"
	"testing"
)

// The catalogue lives in bindingHost's graph: that holds only while its
// bundle has every binding version any other bundle has. A module upgrade
// that breaks this, or that starts bundling a version carried here (whose
// own definition should then be dropped), fails here.
func TestBindingHostHoldsEveryBundledVersion(t *testing.T) {
	host, err := load(bindingHost)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range Supported() {
		sp, err := load(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range sp.allBindingDefinitions() {
			if _, ok := host.bindingRoots[n]; !ok {
				t.Errorf("the %s bundle holds %s, the %s bundle does not", v, n, bindingHost)
			}
			if host.carried[n] {
				t.Errorf("%s is carried in bindings/ but the %s bundle holds it now: drop our definition", n, v)
			}
		}
	}
	if len(host.carried) == 0 {
		t.Fatal("no carried binding definitions")
	}
}

// allBindingDefinitions lists the binding definition ids a bundle holds.
func (sp *spec) allBindingDefinitions() []string {
	var out []string
	raw, _ := bundleDefinitions(sp.version)
	for id := range raw {
		if strings.HasPrefix(id, bindingIDPrefix) {
			out = append(out, id)
		}
	}
	return out
}

func bundleDefinitions(version string) (map[string]any, error) {
	bundlesOnce.Do(loadBundles)
	raw, err := parseYAML(bundles[version])
	if err != nil {
		return nil, err
	}
	defs, _ := raw.(map[string]any)["definitions"].(map[string]any)
	return defs, nil
}

func TestChooseBinding(t *testing.T) {
	for _, c := range []struct {
		protocol, object, requested string
		version                     string
		exact, carried              bool
	}{
		{"amqp", "channel", "", "0.3.0", true, false},
		{"amqp", "channel", "latest", "0.3.0", true, false},
		{"amqp", "channel", "0.2.0", "0.2.0", true, true},
		{"amqp", "channel", "0.1.0", "0.2.0", false, true},  // released, no definition: the nearest
		{"amqp", "channel", "9.9.9", "0.3.0", false, false}, // unknown: the newest
		{"kafka", "message", "0.2.0", "0.1.0", false, true},
		{"kafka", "channel", "0.4.0", "0.4.0", true, false},
		{"ws", "channel", "", "0.1.0", true, false},
		{"mqtt5", "server", "0.2.0", "0.2.0", true, true},
		{"sqs", "operation", "0.3.0", "0.3.0", true, true},
	} {
		b, ok := ChooseBinding(c.protocol, c.object, c.requested)
		if !ok || b.Version != c.version || b.Exact != c.exact || b.Carried != c.carried {
			t.Errorf("%s %s %q: got %s exact=%v carried=%v ok=%v, want %s exact=%v carried=%v",
				c.protocol, c.object, c.requested, b.Version, b.Exact, b.Carried, ok, c.version, c.exact, c.carried)
		}
	}
	if _, ok := ChooseBinding("http", "channel", ""); ok {
		t.Error("http binds no channel, yet a definition was chosen")
	}
}

// Every version with a definition is a known version, so that the
// diagnostic about an unknown bindingVersion never lists fewer versions
// than completion offers.
func TestDefinedBindingVersionsAreKnown(t *testing.T) {
	cat, _ := bindingCatalogue()
	for protocol, objects := range cat {
		known := BindingVersions(protocol)
		for object := range objects {
			for _, v := range DefinedBindingVersions(protocol, object) {
				if !slices.Contains(known, v) {
					t.Errorf("%s %s %s is defined but not known", protocol, object, v)
				}
			}
		}
	}
}

func TestBindingModel(t *testing.T) {
	b, _ := ChooseBinding("amqp", "channel", "0.2.0")
	m := b.At(map[string]any{"is": "queue"}, []string{"queue", "exclusive"})
	if m == nil || !strings.Contains(m.Description, "connection") || m.Binding != "amqp channel binding 0.2.0" {
		t.Fatalf("queue.exclusive of amqp 0.2.0: %+v", m)
	}
	if md := m.Markdown(); !strings.Contains(md, "[amqp channel binding 0.2.0](https://github.com/asyncapi/bindings/blob/master/amqp/README.md)") {
		t.Errorf("markdown lacks the binding's link:\n%s", md)
	}
	keys := b.At(nil, []string{"exchange"}).Keys()
	if len(keys) == 0 || keys[0].Binding != b.Label() {
		t.Errorf("keys of exchange do not carry the binding: %+v", keys)
	}
	// A schema-valued field leads into the AsyncAPI schema model.
	k, _ := ChooseBinding("kafka", "message", "0.1.0")
	if m := k.At(nil, []string{"key", "type"}); m == nil || !slices.Contains(m.Suggested, any("string")) || m.Binding != "" {
		t.Errorf("kafka 0.1.0 key.type is the schema keyword: %+v", m)
	}
	ws, _ := ChooseBinding("ws", "channel", "")
	if ws.DocURL() != "https://github.com/asyncapi/bindings/blob/master/websockets/README.md" {
		t.Errorf("ws doc URL %s", ws.DocURL())
	}
}

func TestBindingLocation(t *testing.T) {
	for _, c := range []struct {
		path   string
		object string
		at     int
	}{
		{"servers/s/bindings/mqtt/clientId", "server", 3},
		{"channels/c/bindings/amqp", "channel", 3},
		{"channels/c/publish/bindings/amqp/ack", "operation", 4},
		{"channels/c/publish/message/bindings/kafka/key", "message", 5},
		{"channels/c/publish/message/oneOf/1/bindings/kafka", "message", 7},
		{"channels/c/publish/traits/0/bindings/kafka", "operation", 6},
		{"channels/c/publish/message/traits/0/bindings/kafka", "message", 7},
		{"operations/o/bindings/amqp", "operation", 3},
		{"channels/c/messages/m/bindings/amqp", "message", 5},
		{"components/messageTraits/t/bindings/amqp", "message", 4},
		{"components/channelBindings/shared/amqp/is", "channel", 3},
		{"components/servers/s/bindings/mqtt", "server", 4},
	} {
		object, at, ok := BindingLocation(strings.Split(c.path, "/"))
		if !ok || object != c.object || at != c.at {
			t.Errorf("%s: got %s %d %v, want %s %d", c.path, object, at, ok, c.object, c.at)
		}
	}
	for _, p := range []string{"channels/c/bindings", "components/schemas/S/properties/bindings/type", "info/title"} {
		if _, _, ok := BindingLocation(strings.Split(p, "/")); ok {
			t.Errorf("%s is not inside a binding", p)
		}
	}
}
