package fix

import (
	"strconv"
	"strings"
	"unicode"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/syntax"
)

// A 2.x operation without operationId, or a message without messageId,
// gets one made from where it stands: the action and the channel, or the
// component name.
func init() {
	makers[rules.CodeOperationOperationID] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		return addID(doc, d, "operationId")
	}
	makers[rules.CodeMessageMessageID] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		return addID(doc, d, "messageId")
	}
}

func addID(doc *analysis.Document, d analysis.Diagnostic, field string) []Fix {
	root := doc.Root()
	obj, path := mappingAt(root, d.Start)
	if obj == nil || obj.Get(field) != nil {
		return nil
	}
	id := uniqueID(root, field, derivedID(path, field))
	value := id
	if doc.File().Format == syntax.JSON {
		value = strconv.Quote(id)
	}
	e, ok := addEntry(doc, obj, quoteKey(doc, field), value)
	if !ok {
		return nil
	}
	return []Fix{{Title: "Add " + field + " " + quote(id), Edits: []Edit{e}, Safe: true}}
}

// derivedID names an object after its path: components/messages/UserSignedUp
// → UserSignedUp; channels/user/signedup/publish → publishUserSignedup;
// …/publish/message → publishUserSignedupMessage.
func derivedID(path []string, field string) string {
	if len(path) >= 3 && path[0] == "components" {
		return path[2]
	}
	if len(path) >= 3 && path[0] == "channels" {
		id := path[2] + camel(path[1])
		if field == "messageId" {
			id += "Message"
			if len(path) >= 6 && path[4] == "oneOf" {
				id += path[5]
			}
		}
		return id
	}
	return field[:len(field)-2]
}

// camel joins the words of a channel name: user/signed-up/{id} → UserSignedUpId.
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// uniqueID appends a number while another object already uses id.
func uniqueID(root *syntax.Node, field, id string) string {
	used := map[string]bool{}
	syntax.Walk(root, func(n *syntax.Node) {
		for _, p := range n.Pairs {
			if p.Key.Value == field {
				used[p.Value.String()] = true
			}
		}
	})
	out := id
	for i := 2; used[out]; i++ {
		out = id + strconv.Itoa(i)
	}
	return out
}
