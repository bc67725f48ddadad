package rules

import (
	"sort"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// bindingVersions lists the released versions of every official binding
// (asyncapi/bindings, mid-2026).
var bindingVersions = map[string][]string{
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

func init() {
	register(analysis.Rule{
		Code:     "asyncapi-binding-version",
		Severity: analysis.SeverityWarning,
		// 3.x schemas list the versions of each binding, so the structure
		// check covers them; 2.x bindings are free-form.
		Versions:    analysis.V2,
		Description: "A binding's bindingVersion is a released version of that binding.",
		DocURL:      "https://github.com/asyncapi/bindings#readme",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			check := func(bindings *syntax.Node) {
				m := bindings.Resolve()
				if m == nil || m.Kind != syntax.Mapping {
					return
				}
				for _, b := range m.Pairs {
					known, ok := bindingVersions[b.Key.Value]
					v := b.Value.Get("bindingVersion")
					if !ok || v == nil || v.String() == "" || v.String() == "latest" {
						continue
					}
					if !contains(known, v.String()) {
						out = append(out, at(v, "The "+b.Key.Value+" binding has no version "+quote(v.String())+"; known versions: "+strings.Join(known, ", ")+"."))
					}
				}
			}
			walkSpec(p.Root, func(key string, n *syntax.Node) {
				if key == "bindings" {
					check(n)
				}
			})
			comps := p.Root.Get("components").Resolve()
			if comps != nil && comps.Kind == syntax.Mapping {
				for _, kind := range comps.Pairs {
					if !strings.HasSuffix(kind.Key.Value, "Bindings") {
						continue
					}
					if m := kind.Value.Resolve(); m != nil && m.Kind == syntax.Mapping {
						for _, entry := range m.Pairs {
							check(entry.Value)
						}
					}
				}
			}
			return out
		},
	})
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}
