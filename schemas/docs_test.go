package schemas

import (
	"strings"
	"testing"
)

// Every definition of the bundles has a noun and, in each version, a specification section; every
// anchor the table names exists in some version's specification text.
func TestDefinitionsDocumented(t *testing.T) {
	for name, e := range defTable {
		found := false
		for _, a := range e.anchors {
			for _, v := range Supported() {
				if anchorIn(v, a) != "" {
					found = true
				}
			}
		}
		if !found && name != "bindingsObject" {
			t.Errorf("%s: none of %v is a section of any version", name, e.anchors)
		}
	}
	for _, v := range Supported() {
		sp, err := load(v)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[*defInfo]bool{}
		walkNodes(sp.root, func(n *node) {
			d := n.def
			if d == nil || seen[d] {
				return
			}
			seen[d] = true
			if d.noun == "" {
				t.Errorf("%s: no noun for %s", v, d.id)
			}
			if d.docURL(v) == "" && d.name != "bindingsObject" && d.name != "specificationExtension" {
				t.Errorf("%s: no section for %s (%v)", v, d.id, d.anchors)
			}
		})
	}
}

func walkNodes(root *node, f func(*node)) {
	seen := map[*node]bool{}
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		f(n)
		for _, c := range []*node{n.ref, n.not, n.ifN, n.thenN, n.elseN, n.addl, n.propNames, n.items, n.addlItems, n.contains} {
			walk(c)
		}
		for _, list := range [][]*node{n.allOf, n.anyOf, n.oneOf, n.tuple} {
			for _, c := range list {
				walk(c)
			}
		}
		for _, c := range n.props {
			walk(c)
		}
		for _, p := range n.patterns {
			walk(p.n)
		}
		for _, d := range n.deps {
			if c, ok := d.(*node); ok {
				walk(c)
			}
		}
	}
	walk(root)
}

func TestFieldDocURL(t *testing.T) {
	d := (&builder{}).def("http://asyncapi.com/definitions/3.0.0/channel.json")
	if got := d.fieldDocURL("3.0.0", "address"); !strings.HasSuffix(got, "v3.0.0#channelObjectAddress") {
		t.Errorf("address: %q", got)
	}
	if got := d.fieldDocURL("3.0.0", "nonsense"); !strings.HasSuffix(got, "v3.0.0#channelObject") {
		t.Errorf("nonsense: %q", got)
	}
	flow := (&builder{}).def("http://asyncapi.com/definitions/2.6.0/oauth2Flow.json")
	if got := flow.fieldDocURL("2.6.0", "tokenUrl"); !strings.HasSuffix(got, "v2.6.0#oauthFlowTokenUrl") {
		t.Errorf("tokenUrl: %q", got)
	}
	kafka := (&builder{}).def("http://asyncapi.com/bindings/kafka/0.5.0/server.json")
	if got := kafka.docURL("3.1.0"); !strings.HasSuffix(got, "v3.1.0#serverBindingsObjectKafka") {
		t.Errorf("kafka: %q", got)
	}
}
