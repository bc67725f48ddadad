package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-message-messageId-uniqueness",
		Aliases:     []string{"asyncapi2-message-messageId-uniqueness"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V2,
		Parser:      &analysis.Enforcement{Versions: analysis.V2},
		Description: "No two messages share a messageId.",
		DocURL:      "https://www.asyncapi.com/docs/reference/specification/v2.6.0#messageObject",
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var ids []model.Scalar
			for _, m := range messages(p) {
				ids = append(ids, m.MessageID)
			}
			return uniqueField(ids, "messageId", "message")
		},
	})
}

// uniqueField reports every object whose field (ids, one per object)
// another object has too: each of them, since neither is the right one
// (the official parser flags all but the first in its own order, subscribe
// before publish).
func uniqueField(ids []model.Scalar, field, noun string) []analysis.Diagnostic {
	var values []string
	byValue := map[string][]*syntax.Node{}
	for _, id := range ids {
		if id.Value == "" {
			continue
		}
		if byValue[id.Value] == nil {
			values = append(values, id.Value)
		}
		byValue[id.Value] = append(byValue[id.Value], id.Node)
	}
	var out []analysis.Diagnostic
	for _, value := range values {
		same := byValue[value]
		if len(same) < 2 {
			continue
		}
		for _, v := range same {
			d := at(v, itoa(len(same))+" "+noun+"s have the "+field+" "+quote(value)+"; each must have its own.")
			for _, other := range same {
				if other != v {
					d.Related = append(d.Related, analysis.Related{Start: other.Start, End: other.End, Message: "another " + noun + " with it"})
				}
			}
			out = append(out, d)
		}
	}
	return out
}
