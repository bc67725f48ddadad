package completion

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// documentSkeletons offers whole new documents for an empty file.
func (st *state) documentSkeletons() {
	for i, v := range []string{"3.1.0", "3.0.0", "2.6.0"} {
		st.add(Item{Label: "AsyncAPI " + v + " document", Kind: KindSnippet, Detail: "new document",
			Documentation: "A minimal AsyncAPI " + v + " document with one channel.",
			InsertText:    st.skeleton(v), Snippet: st.req.Snippets, SortText: string(rune('0' + i))})
	}
	st.add(Item{Label: "asyncapi", Kind: KindProperty, InsertText: st.keyInsertText("asyncapi", "", schemas.ShapeScalar), Snippet: st.req.Snippets, SortText: "9"})
}

func (st *state) skeleton(version string) string {
	var lines []string
	if strings.HasPrefix(version, "3.") {
		lines = []string{
			"asyncapi: " + version,
			"info:",
			"  title: " + st.placeholder(1, "My API"),
			"  version: " + st.placeholder(2, "1.0.0"),
			"channels:",
			"  " + st.placeholder(3, "userSignedUp") + ":",
			"    address: " + st.placeholder(4, "user/signedup"),
			"    messages:",
			"      " + st.placeholder(5, "UserSignedUp") + ":",
			"        payload:",
			"          type: object",
			"operations:",
			"  " + st.placeholder(6, "onUserSignedUp") + ":",
			"    action: " + st.choice(7, "receive", "send"),
			"    channel:",
			"      $ref: '#/channels/" + st.mirror(3, "userSignedUp") + "'",
		}
	} else {
		lines = []string{
			"asyncapi: " + version,
			"info:",
			"  title: " + st.placeholder(1, "My API"),
			"  version: " + st.placeholder(2, "1.0.0"),
			"channels:",
			"  " + st.placeholder(3, "user/signedup") + ":",
			"    subscribe:",
			"      operationId: " + st.placeholder(4, "onUserSignedUp"),
			"      message:",
			"        payload:",
			"          type: object",
		}
	}
	if st.req.Format == syntax.JSON {
		return st.jsonSkeleton(version)
	}
	return strings.Join(lines, "\n") + "\n"
}

func (st *state) jsonSkeleton(version string) string {
	if strings.HasPrefix(version, "3.") {
		return `{
  "asyncapi": "` + version + `",
  "info": {"title": "` + st.placeholder(1, "My API") + `", "version": "` + st.placeholder(2, "1.0.0") + `"},
  "channels": {
    "` + st.placeholder(3, "userSignedUp") + `": {"address": "` + st.placeholder(4, "user/signedup") + `", "messages": {"` + st.placeholder(5, "UserSignedUp") + `": {"payload": {"type": "object"}}}}
  },
  "operations": {
    "` + st.placeholder(6, "onUserSignedUp") + `": {"action": "receive", "channel": {"$ref": "#/channels/` + st.mirror(3, "userSignedUp") + `"}}
  }
}
`
	}
	return `{
  "asyncapi": "` + version + `",
  "info": {"title": "` + st.placeholder(1, "My API") + `", "version": "` + st.placeholder(2, "1.0.0") + `"},
  "channels": {
    "` + st.placeholder(3, "user/signedup") + `": {"subscribe": {"operationId": "` + st.placeholder(4, "onUserSignedUp") + `", "message": {"payload": {"type": "object"}}}}
  }
}
`
}

// choice is a snippet choice, or its first option for plain-text clients.
func (st *state) choice(n int, options ...string) string {
	if !st.req.Snippets {
		return options[0]
	}
	return "${" + strconv.Itoa(n) + "|" + strings.Join(options, ",") + "|}"
}

// mirror repeats tab stop n (its default for plain-text clients).
func (st *state) mirror(n int, def string) string {
	if !st.req.Snippets {
		return def
	}
	return "$" + strconv.Itoa(n)
}

// newEntrySnippets offers a new named entry where the author chooses names:
// a channel, an operation, a message, a server.
func (st *state) newEntrySnippets(path []string) {
	if st.req.Format == syntax.JSON {
		return
	}
	v3 := !strings.HasPrefix(st.version, "2.")
	ind := func(n int) string { return "\n" + st.indent(n) }
	var label, body string
	switch strings.Join(path, "/") {
	case "channels":
		label = "new channel"
		if v3 {
			body = st.placeholder(1, "channelName") + ":" + ind(2) + "address: " + st.placeholder(2, "some/address") +
				ind(2) + "messages:" + ind(4) + st.placeholder(3, "MessageName") + ":" + ind(6) + "$ref: '#/components/messages/" + st.placeholder(4, "") + "'"
		} else {
			body = st.placeholder(1, "some/channel") + ":" + ind(2) + st.choice(2, "subscribe", "publish") + ":" +
				ind(4) + "operationId: " + st.placeholder(3, "operationName") + ind(4) + "message:" + ind(6) + "$ref: '#/components/messages/" + st.placeholder(4, "") + "'"
		}
	case "operations":
		if !v3 {
			return
		}
		label = "new operation"
		body = st.placeholder(1, "operationName") + ":" + ind(2) + "action: " + st.choice(2, "send", "receive") +
			ind(2) + "channel:" + ind(4) + "$ref: '#/channels/" + st.placeholder(3, "") + "'"
	case "components/messages":
		label = "new message"
		body = st.placeholder(1, "MessageName") + ":" + ind(2) + "name: " + st.mirror(1, "MessageName") + ind(2) + "contentType: application/json" +
			ind(2) + "payload:" + ind(4) + "type: object" + ind(4) + "properties:" + ind(6) + st.placeholder(2, "field") + ":" + ind(8) + "type: string"
	case "servers":
		label = "new server"
		if v3 {
			body = st.placeholder(1, "serverName") + ":" + ind(2) + "host: " + st.placeholder(2, "broker.example.com") + ind(2) + "protocol: " + st.placeholder(3, "amqp")
		} else {
			body = st.placeholder(1, "serverName") + ":" + ind(2) + "url: " + st.placeholder(2, "broker.example.com") + ind(2) + "protocol: " + st.placeholder(3, "amqp")
		}
	default:
		return
	}
	st.add(Item{Label: label, Kind: KindSnippet, Detail: "snippet", InsertText: body, Snippet: st.req.Snippets, SortText: "9" + label, FilterText: st.ctx.Prefix + label})
}
