package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-message-messageId-uniqueness",
		Aliases:     []string{"asyncapi2-message-messageId-uniqueness"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V2,
		Description: "No two messages share a messageId.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#messageObject",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			return uniqueField(messages(p), "messageId", "message")
		},
	})
}

// uniqueField reports every object whose field repeats an earlier one's.
func uniqueField(items []item, field, noun string) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	first := map[string]*syntax.Node{}
	for _, it := range items {
		v := it.Node.Get(field)
		if v.String() == "" {
			continue
		}
		if prev := first[v.String()]; prev != nil {
			d := at(v, "Another "+noun+" already has the "+field+" "+quote(v.String())+"; each must be unique.")
			d.Related = []analysis.Related{{Start: prev.Start, End: prev.End, Message: "the other " + noun}}
			out = append(out, d)
			continue
		}
		first[v.String()] = v
	}
	return out
}
