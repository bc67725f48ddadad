package rules

import (
	"asyncapi-ls/analysis"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-operation-reply",
		Aliases:     []string{"asyncapi3-operation-reply"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3,
		Description: "A reply's channel is a root channel, its messages are messages of that channel, and a reply address goes with a channel whose address is open.",
		DocURL:      specURL("operationReplyObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			seen := map[any]bool{}
			var replies []item
			for _, op := range rootAndComponents(p, "operations") {
				if sameDoc(op) && op.Node.Get("reply") != nil {
					replies = append(replies, child(p, op.Path, "reply", op.Node.Entry("reply").Key))
				}
			}
			replies = append(replies, entries(p, "components", "replies")...)
			for _, r := range replies {
				if r.Node == nil || seen[r.Node] || !isMapping(r.Node) {
					continue
				}
				seen[r.Node] = true
				ch := r.Node.Get("channel")
				if ref := ch.Get("$ref"); ref != nil {
					if ptr, ok := localPointer(ch); ok && (len(ptr) != 2 || ptr[0] != "channels") {
						out = append(out, at(ref, "A reply's channel must be a root channel (#/channels/…)."))
					}
				}
				// With a dynamic reply address, the channel must leave its own
				// address open.
				if r.Node.Get("address") != nil {
					if addr := p.Deref(ch).Get("address"); addr != nil && !addr.IsNull() {
						out = append(out, keyAt(r.Node, "address", "This reply sets an address, so its channel's address must be null or absent; it is "+quote(addr.String())+"."))
					}
				}
				out = append(out, messagesOfChannel(p, ch, r.Node.Get("messages"), "reply")...)
			}
			return out
		},
	})
}
