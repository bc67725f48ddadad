package rules

import (
	"sort"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
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
		Code:     CodeBindingVersion,
		Severity: analysis.SeverityWarning,
		// 3.x schemas list the versions of each binding, so the structure
		// check covers them; 2.x bindings are free-form.
		Versions:    analysis.V2,
		Description: "A binding's bindingVersion is a released version of that binding.",
		DocURL:      "https://github.com/asyncapi/bindings#readme",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			// Every binding the model reads: of servers, channels,
			// operations, messages, their traits and the components.
			p.Model().Walk(func(e model.Element) bool {
				b, ok := e.(*model.Binding)
				if !ok || !local(p, b) {
					return true
				}
				known, ok := bindingVersions[b.Key]
				v := b.Version
				if !ok || v.Node == nil || v.Value == "" || v.Value == "latest" {
					return true
				}
				if !contains(known, v.Value) {
					out = append(out, at(v.Node, "The "+b.Key+" binding has no version "+quote(v.Value)+"; known versions: "+strings.Join(known, ", ")+"."))
				}
				return true
			})
			return out
		},
	})
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}
