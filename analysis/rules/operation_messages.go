package rules

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
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
			for _, op := range rootAndComponentOperations(p) {
				if inPlace(p, op) {
					out = append(out, messagesOfChannel(p, op.Channel, op.Messages, "operation")...)
				}
			}
			return out
		},
	})
}

// messagesOfChannel reports every message of msgs (references to
// messages) that is not a message of channel ch, reached through a
// reference: the references must go through the channel's messages.
func messagesOfChannel(p *analysis.Pass, ch *model.Channel, msgs []*model.Message, owner string) []analysis.Diagnostic {
	if ch == nil {
		return nil
	}
	chPtr, ok := localTarget(p, ch.Ref)
	if !ok {
		return nil
	}
	var out []analysis.Diagnostic
	for _, m := range msgs {
		mPtr, ok := localTarget(p, m.Ref)
		if !ok {
			continue
		}
		prefix := append(slices.Clip(chPtr), "messages")
		if hasPrefix(mPtr, prefix) && len(mPtr) == len(prefix)+1 {
			continue
		}
		// A reference straight to a message the channel also references
		// names the same message, but not through the channel: say how to
		// write it.
		hint := ""
		if name := channelMessageFor(ch, m); name != "" {
			hint = " Write it as " + quote("#"+refs.FormatPointer(append(prefix, name))) + "."
		}
		d := at(m.Ref.Node, "The "+owner+"'s messages must be messages of its channel "+quote("#"+refs.FormatPointer(chPtr))+", referenced through the channel's messages."+hint)
		// The parser compares the texts of the references only.
		d.BeyondParser = strings.HasPrefix(m.Ref.Node.String(), ch.Ref.Node.String()+"/messages")
		out = append(out, d)
	}
	return out
}

// channelMessageFor finds the key under which channel ch lists msg.
func channelMessageFor(ch *model.Channel, msg *model.Message) string {
	if msg.Value == nil {
		return ""
	}
	for _, cm := range ch.Messages {
		if cm.Value == msg.Value {
			return cm.Key
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
