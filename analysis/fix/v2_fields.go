package fix

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/convert"
)

// An AsyncAPI 2 field in a 3.x document is written the 3.x way where the
// change is mechanical, by the rule that converts the same object of a
// whole 2.x document (convert.Fix…), so a quick fix and `asyncapi-ls
// convert` never disagree: a server's url becomes host, pathname and
// protocol; an operation's message moves into its channel's messages and
// the operation references it from there; a parameter's schema gives its
// enum, default, examples and description to the parameter; a channel's
// publish and subscribe move out into operations — two fixes, since the
// action they become depends on whom the document describes (neither is
// safe to apply unasked).
func init() {
	makers[analysis.CodeV2Field] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		loc := syntax.At(doc.Root(), d.Start)
		if !loc.OnKey || len(loc.Path) < 2 {
			return nil
		}
		object := loc.Path[:len(loc.Path)-1]
		var title string
		var edits []Edit
		switch loc.Path[len(loc.Path)-1] {
		case "publish", "subscribe":
			var out []Fix
			for _, p := range []struct{ perspective, title string }{
				{"application", "Move publish and subscribe into operations (the document describes the application)"},
				{"client", "Move publish and subscribe into operations (the document describes its clients)"},
			} {
				if edits := convert.FixChannelOperations(doc, object, p.perspective); len(edits) > 0 {
					out = append(out, Fix{Title: p.title, Edits: edits})
				}
			}
			return out
		case "url":
			title, edits = "Replace url with host and pathname", convert.FixServerURL(doc, object)
		case "message":
			title, edits = "Move the message into the channel's messages", convert.FixOperationMessage(doc, object)
		case "schema":
			title, edits = "Move what the schema says onto the parameter", convert.FixParameterSchema(doc, object)
		}
		if len(edits) == 0 {
			return nil
		}
		return []Fix{{Title: title, Edits: edits, Safe: true}}
	}
}
