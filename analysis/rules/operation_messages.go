package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi3-operation-messages-from-referred-channel",
		Aliases:     []string{"asyncapi-operation-messages"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.V3,
		Parser:      &analysis.Enforcement{Versions: analysis.V3, Only: "message references whose text does not begin with the channel reference's text and /messages"},
		Description: "An operation's messages are messages of the operation's channel.",
		DocURL:      specURL("operationObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, op := range rootAndComponents(p, "operations") {
				if !sameDoc(op) {
					continue
				}
				out = append(out, messagesOfChannel(p, op.Node.Get("channel"), op.Node.Get("messages"), "operation")...)
			}
			return out
		},
	})
}

// messagesOfChannel reports every entry of msgs (references to messages)
// that is not a message of the channel chRef references: the reference
// must go through the channel's messages.
func messagesOfChannel(p *analysis.Pass, chRef, msgs *syntax.Node, owner string) []analysis.Diagnostic {
	chPtr, ok := localPointer(chRef)
	if !ok {
		return nil
	}
	channel := p.Deref(chRef)
	var out []analysis.Diagnostic
	for _, m := range seq(msgs) {
		ref := m.Get("$ref")
		mPtr, ok := localPointer(m)
		if !ok {
			continue
		}
		prefix := append(append([]string(nil), chPtr...), "messages")
		if hasPrefix(mPtr, prefix) && len(mPtr) == len(prefix)+1 {
			continue
		}
		// A reference straight to a message the channel also references
		// names the same message, but not through the channel: say how to
		// write it.
		hint := ""
		if name := channelMessageFor(p, channel, p.Deref(m)); name != "" {
			hint = " Write it as " + quote("#"+refs.FormatPointer(append(prefix, name))) + "."
		}
		d := at(ref, "The "+owner+"'s messages must be messages of its channel "+quote("#"+refs.FormatPointer(chPtr))+", referenced through the channel's messages."+hint)
		// The parser compares the texts of the references only.
		d.BeyondParser = strings.HasPrefix(ref.String(), chRef.Get("$ref").String()+"/messages")
		out = append(out, d)
	}
	return out
}

// localPointer returns the pointer of a local "$ref" object.
func localPointer(n *syntax.Node) ([]string, bool) {
	ref := n.Get("$ref")
	if ref == nil {
		return nil, false
	}
	r, err := refs.Parse(ref.String())
	if err != nil || r.File != "" {
		return nil, false
	}
	return r.Pointer, true
}

// channelMessageFor finds the key under which channel lists msg.
func channelMessageFor(p *analysis.Pass, channel, msg *syntax.Node) string {
	ms := p.Deref(channel.Get("messages")).Resolve()
	if msg == nil || ms == nil || ms.Kind != syntax.Mapping {
		return ""
	}
	for _, pair := range ms.Pairs {
		if p.Deref(pair.Value) == msg {
			return pair.Key.Value
		}
	}
	return ""
}

func hasPrefix(s, prefix []string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range prefix {
		if s[i] != prefix[i] {
			return false
		}
	}
	return true
}
