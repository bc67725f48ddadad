package analysis

import (
	"slices"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// CodeV2Field marks a field of AsyncAPI 2 written in a 3.x document: the
// most common mistakes of documents moved to 3.x by hand.
const CodeV2Field = "v2-field-in-v3"

// V2Fields turns the schema's complaints about AsyncAPI 2 fields of a 3.x
// document (url in a server, publish or subscribe in a channel, message in
// an operation, schema in a parameter) into one diagnostic each that names
// the 3.x way, and drops the missing host (and protocol, when the url names
// it) a server with a url gets besides. ds are the structure check's
// findings on root, the document's tree.
func V2Fields(root *syntax.Node, version string, ds []Diagnostic) []Diagnostic {
	if !strings.HasPrefix(version, "3.") {
		return ds
	}
	urlServers := map[int]string{} // key offsets of servers whose url is explained: the message
	for i := range ds {
		d := &ds[i]
		if d.Code != schemas.UnknownKey.Code() {
			continue
		}
		loc := syntax.At(root, d.Start)
		if !loc.OnKey {
			continue
		}
		msg := V2FieldMessage(root, loc.Path)
		if msg == "" {
			continue
		}
		d.Code, d.Message, d.Suggestion = CodeV2Field, msg, ""
		if server := serverKey(root, loc.Path); server != nil && loc.Path[len(loc.Path)-1] == "url" {
			urlServers[server.Start] = msg
		}
	}
	out := ds[:0]
	for _, d := range ds {
		if url, ok := urlServers[d.Start]; ok && d.Code == schemas.MissingKey.Code() &&
			(strings.Contains(d.Message, `"host"`) || strings.Contains(d.Message, `"protocol"`) && strings.Contains(url, "protocol")) {
			continue // the url's diagnostic says what to write
		}
		out = append(out, d)
	}
	return out
}

// V2FieldMessage explains the 2.x field at path (as written, ending with the
// field's key) of a 3.x document, or returns "" when path names none.
func V2FieldMessage(root *syntax.Node, path []string) string {
	n := len(path)
	field := path[n-1]
	parent := slices.Clip(path[:n-1])
	switch {
	case field == "url" && serverKey(root, path) != nil:
		host, pathname, scheme := SplitServerURL(root.Find(path...).String())
		msg := "AsyncAPI 3 servers have no url: give host " + strconv.Quote(host)
		if pathname != "" {
			msg += " and pathname " + strconv.Quote(pathname)
		}
		if scheme != "" && root.Find(append(parent, "protocol")...) == nil {
			msg += ", and protocol " + strconv.Quote(scheme)
		}
		return msg + "."
	case (field == "publish" || field == "subscribe") && isEntryOf(parent, "channels"):
		action := "receive" // 2.x publish: others send, the application receives
		if field == "subscribe" {
			action = "send"
		}
		return "AsyncAPI 3 channels hold no operations: describe this one under the root operations, with action: " + action +
			" and channel: {$ref: " + strconv.Quote("#"+refs.FormatPointer(parent)) + "}, and its message under the channel's messages."
	case field == "message" && isEntryOf(parent, "operations"):
		return "AsyncAPI 3 operations have no message: list messages instead, references to messages of the operation's channel" +
			" (messages: [{$ref: \"#/channels/…/messages/…\"}])."
	case field == "schema" && (isEntryOf(parent, "parameters")):
		return "AsyncAPI 3 parameters have no schema: give enum, default, examples and description on the parameter itself (its values are strings)."
	}
	return ""
}

// isEntryOf reports whether path names an entry of a root or component
// map of kind (channels, operations, …), or for parameters also of a
// channel's parameters.
func isEntryOf(path []string, kind string) bool {
	n := len(path)
	switch {
	case n == 2 && path[0] == kind, n == 3 && path[0] == "components" && path[1] == kind:
		return true
	case kind == "parameters" && n >= 4 && path[n-2] == "parameters":
		return isEntryOf(path[:n-2], "channels")
	}
	return false
}

// serverKey is the key of the server whose field path names, or nil.
func serverKey(root *syntax.Node, path []string) *syntax.Node {
	parent := path[:len(path)-1]
	if !isEntryOf(parent, "servers") {
		return nil
	}
	if pair := root.FindPair(parent...); pair != nil {
		return pair.Key
	}
	return nil
}

// SplitServerURL cuts a 2.x server url into what a 3.x server says: host
// (with the port), pathname (as written, with its leading "/") and the
// scheme (the protocol; "" when the url names none). It is the one
// splitter: the 2.x-field message, its quick fix and the conversion use it.
func SplitServerURL(url string) (host, pathname, scheme string) {
	rest := url
	if s, r, ok := strings.Cut(url, "://"); ok && r != "" {
		scheme, rest = s, r
	}
	host, path, hasPath := strings.Cut(rest, "/")
	if hasPath {
		pathname = "/" + path
	}
	return host, pathname, scheme
}
