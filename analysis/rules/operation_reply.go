package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeOperationReply,
		Aliases:     []string{"asyncapi3-operation-reply"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3,
		Description: "A reply's channel is a root channel, its messages are messages of that channel, and a reply address goes with a channel whose address is open.",
		DocURL:      specURL("operationReplyObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			m := p.Model()
			var replies []*model.Reply
			for _, op := range rootAndComponentOperations(p) {
				if inPlace(p, op) && op.Reply != nil {
					replies = append(replies, op.Reply)
				}
			}
			if m.Components != nil {
				replies = append(replies, m.Components.Replies...)
			}
			var out []analysis.Diagnostic
			seen := map[*syntax.Node]bool{}
			for _, r := range replies {
				if !local(p, r) || seen[r.Value] || !isMapping(r.Value) {
					continue
				}
				seen[r.Value] = true
				ch := r.Channel
				if ch != nil {
					if ptr, ok := localTarget(p, ch.Ref); ok && (len(ptr) != 2 || ptr[0] != "channels") {
						out = append(out, at(ch.Ref.Node, "A reply's channel must be a root channel (#/channels/…)."))
					}
				}
				// With a dynamic reply address, the channel must leave its own
				// address open.
				if r.Address != nil && ch != nil && local(p, ch) {
					if addr := ch.Address; addr.Node != nil && !addr.Node.IsNull() {
						out = append(out, onWrittenKey(p, r.Address, "This reply sets an address, so its channel's address must be null or absent; it is "+quote(addr.Value)+"."))
					}
				}
				out = append(out, messagesOfChannel(p, ch, r.Messages, "reply")...)
			}
			return out
		},
	})
}
