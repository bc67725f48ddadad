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
// a channel, an operation, a message (in components, or in a 3.x
// channel's messages), a server; in the document's notation.
func (st *state) newEntrySnippets(path []string) {
	if st.ctx.Flow {
		return // entries are written as blocks
	}
	v3 := !strings.HasPrefix(st.version, "2.")
	ph := st.placeholder
	type entry struct {
		label string
		body  field
	}
	var entries []entry
	switch p := strings.Join(path, "/"); {
	case p == "channels" && v3:
		entries = append(entries, entry{"new channel", obj(ph(1, "channelName"),
			str("address", ph(2, "some/address")),
			obj("messages", obj(ph(3, "MessageName"), ref("#/components/messages/"+ph(4, "")))))})
	case p == "channels":
		entries = append(entries, entry{"new channel", obj(ph(1, "some/channel"),
			obj(st.choice(2, "subscribe", "publish"),
				str("operationId", ph(3, "operationName")),
				obj("message", ref("#/components/messages/"+ph(4, "")))))})
	case p == "operations" && v3:
		entries = append(entries, entry{"new operation", obj(ph(1, "operationName"),
			str("action", st.choice(2, "send", "receive")),
			obj("channel", ref("#/channels/"+ph(3, ""))))})
	case p == "components/messages":
		entries = append(entries, entry{"new message", obj(ph(1, "MessageName"),
			str("name", st.mirror(1, "MessageName")),
			str("contentType", "application/json"),
			obj("payload", str("type", "object"), obj("properties", obj(ph(2, "field"), str("type", "string")))))})
	case v3 && len(path) == 3 && path[0] == "channels" && path[2] == "messages":
		entries = append(entries,
			entry{"new message reference", obj(ph(1, "MessageName"), ref("#/components/messages/"+ph(2, "")))},
			entry{"new message", obj(ph(1, "MessageName"),
				str("contentType", "application/json"),
				obj("payload", str("type", "object"), obj("properties", obj(ph(2, "field"), str("type", "string")))))})
	case p == "servers":
		address := "url"
		if v3 {
			address = "host"
		}
		entries = append(entries, entry{"new server", obj(ph(1, "serverName"),
			str(address, ph(2, "broker.example.com")), str("protocol", ph(3, "amqp")))})
	}
	for _, e := range entries {
		st.add(Item{Label: e.label, Kind: KindSnippet, Detail: "snippet", InsertText: st.renderEntry(e.body), Snippet: st.req.Snippets,
			SortText: "9" + e.label, FilterText: st.ctx.Prefix + e.label})
	}
}

// field is a key with a scalar value or with fields of its own, written
// once and rendered as YAML or JSON.
type field struct {
	key      string
	value    string // a scalar's text (snippet syntax allowed)
	quote    bool   // YAML must quote the scalar ("#…" would start a comment)
	raw      bool   // the value is written as is in JSON too (a number, a quoted string)
	children []field
	object   bool
}

func str(key, value string) field       { return field{key: key, value: value} }
func obj(key string, fs ...field) field { return field{key: key, children: fs, object: true} }
func ref(target string) field           { return field{key: "$ref", value: target, quote: true} }
func (st *state) renderEntry(f field) string {
	if st.req.Format == syntax.JSON {
		return st.memberSeparators(f.json(lineIndent(st.req.Text, st.ctx.ReplaceStart)))
	}
	return f.yaml(st.indent(0))[len(st.indent(0)):]
}

// yaml writes the field as a block mapping entry at indent.
func (f field) yaml(indent string) string {
	if !f.object {
		v := f.value
		if f.quote {
			v = "'" + v + "'"
		}
		return indent + f.key + ": " + v
	}
	lines := []string{indent + f.key + ":"}
	for _, c := range f.children {
		lines = append(lines, c.yaml(indent+"  "))
	}
	return strings.Join(lines, "\n")
}

// json writes the field as an object member whose line starts at indent:
// objects of scalars on one line, others one member a line.
func (f field) json(indent string) string {
	if !f.object && f.raw {
		return `"` + f.key + `": ` + f.value
	}
	if !f.object {
		return `"` + f.key + `": "` + f.value + `"`
	}
	flat := true
	for _, c := range f.children {
		flat = flat && !c.object
	}
	var members []string
	for _, c := range f.children {
		members = append(members, c.json(indent+"  "))
	}
	if flat {
		return `"` + f.key + `": {` + strings.Join(members, ", ") + `}`
	}
	return `"` + f.key + `": {` + "\n" + indent + "  " + strings.Join(members, ",\n"+indent+"  ") + "\n" + indent + "}"
}

// lineIndent is the leading white space of the line holding offset, up to
// offset.
func lineIndent(text []byte, offset int) string {
	start := offset
	for start > 0 && text[start-1] != '\n' {
		start--
	}
	end := start
	for end < offset && (text[end] == ' ' || text[end] == '\t') {
		end++
	}
	return string(text[start:end])
}
