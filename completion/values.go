package completion

import (
	"fmt"
	"slices"
	"strings"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// values offers what may stand at path: enum and const values, booleans,
// suggested values, and names that must match something declared elsewhere.
func (st *state) values(path []string) {
	if len(path) == 1 && path[0] == "asyncapi" {
		st.versions()
		return
	}
	if st.names(path) || st.bindingVersions(path) || st.securityScopes(path) {
		return
	}
	st.exampleSkeleton(path)
	m := st.bindingModel(path, true)
	if m == nil {
		m = st.valueModel(path)
	}
	if m != nil {
		st.modelValues(m)
	}
	key := path[len(path)-1]
	switch {
	case key == "protocol" && len(path) >= 2:
		for _, p := range protocols {
			st.addValue(p, KindValue, "", "3")
		}
	case key == "contentType" || key == "defaultContentType":
		for _, c := range contentTypes {
			st.addValue(c, KindValue, "", "3")
		}
	case key == "format" && len(path) > 1:
		for _, f := range append(schemas.SchemaFormats(), extraFormats...) {
			st.addValue(f, KindValue, "", "3")
		}
	case key == "schemaFormat":
		for _, f := range schemaFormats(st.version) {
			st.addValue(f, KindValue, "", "3")
		}
	}
}

// modelValues offers what the schema model knows: enum and const values,
// booleans, suggested values and the default.
func (st *state) modelValues(m *schemas.Model) {
	doc := m.Markdown()
	for i, v := range m.Enum {
		st.addValue(v, KindEnum, doc, fmt.Sprintf("0%03d", i))
	}
	if m.HasConst {
		st.addValue(m.Const, KindEnum, doc, "0")
	}
	if slices.Contains(m.Types, "boolean") && len(m.Enum) == 0 {
		st.addValue(true, KindValue, doc, "1")
		st.addValue(false, KindValue, doc, "1")
	}
	for _, v := range m.Suggested {
		st.addValue(v, KindValue, doc, "2")
	}
	if m.HasDefault && len(m.Enum) == 0 {
		st.addValue(m.Default, KindValue, doc, "4")
	}
}

func (st *state) addValue(v any, kind Kind, doc, sort string) {
	label := fmt.Sprint(v)
	insert := label
	if s, ok := v.(string); ok {
		insert = st.valueInsert(s)
	} else if st.ctx.NeedsSpace && st.req.Format == syntax.YAML {
		insert = " " + label
	}
	if st.req.Format == syntax.JSON {
		if s, ok := v.(string); ok {
			insert = st.scalarText(s)
		}
	}
	st.add(Item{Label: label, Kind: kind, Documentation: doc, InsertText: insert, SortText: sort + label})
}

// versions offers the supported AsyncAPI versions, newest first.
func (st *state) versions() {
	all := schemas.Supported()
	for i := len(all) - 1; i >= 0; i-- {
		v := all[i]
		doc := "AsyncAPI " + v
		if v == schemas.Latest() {
			doc += " (the latest version)"
		}
		st.add(Item{Label: v, Kind: KindEnum, Documentation: doc, InsertText: st.valueInsertQuotedVersion(v),
			SortText: fmt.Sprintf("%02d", len(all)-1-i)})
	}
}

// valueInsertQuotedVersion writes a version; a plain 3.0.0 reads as a string
// already, so quotes only follow what the user typed.
func (st *state) valueInsertQuotedVersion(v string) string {
	if st.ctx.Quote != 0 || st.req.Format == syntax.JSON {
		return st.valueInsert(v)
	}
	if st.ctx.NeedsSpace {
		return " " + v
	}
	return v
}

// protocols are the values of a server's "protocol" that tools recognise:
// the binding protocols plus their secure variants.
var protocols = []string{
	"amqp", "amqps", "anypointmq", "googlepubsub", "http", "https", "ibmmq", "jms", "kafka", "kafka-secure",
	"mercure", "mqtt", "mqtts", "secure-mqtt", "nats", "pulsar", "redis", "ros2", "sns", "solace", "sqs",
	"stomp", "stomps", "ws", "wss",
}

// contentTypes are media types commonly used for message payloads.
var contentTypes = []string{
	"application/json", "application/avro", "application/vnd.apache.avro+json", "application/vnd.apache.avro+yaml",
	"application/x-protobuf", "application/protobuf", "application/xml", "application/octet-stream",
	"application/cloudevents+json", "text/plain", "application/x-www-form-urlencoded",
}

// names completes values that name something declared elsewhere in the
// document; it reports whether the position was one of those.
func (st *state) names(path []string) bool {
	root := st.req.Tree
	n := len(path)
	switch {
	// 2.x channel servers: names of root servers.
	case strings.HasPrefix(st.version, "2.") && n == 4 && path[0] == "channels" && path[2] == "servers":
		for _, p := range root.Get("servers").Resolve().PairsOrNil() {
			st.add(Item{Label: p.Key.Value, Kind: KindReference, Detail: "server", InsertText: st.valueInsert(p.Key.Value),
				Documentation: describeNode(root.Get("servers").Get(p.Key.Value))})
		}
		return true
	}
	if braceOpen(st.ctx.Prefix) {
		return st.braceNames(path)
	}
	return false
}

// braceOpen reports whether the cursor is inside an unclosed "{".
func braceOpen(prefix string) bool {
	i := strings.LastIndexByte(prefix, '{')
	return i >= 0 && !strings.Contains(prefix[i:], "}")
}

// braceNames offers parameter names inside a channel address (or a 2.x
// channel key) and variable names inside a server url or host.
func (st *state) braceNames(path []string) bool {
	root := st.req.Tree
	var source *syntax.Node
	kind := ""
	switch n := len(path); {
	case n == 3 && path[0] == "channels" && path[2] == "address":
		source, kind = root.Find("channels", path[1], "parameters").Resolve(), "parameter"
	case n == 3 && path[0] == "servers" && (path[2] == "url" || path[2] == "host" || path[2] == "pathname"):
		source, kind = root.Find("servers", path[1], "variables").Resolve(), "server variable"
	default:
		return false
	}
	i := strings.LastIndexByte(st.ctx.Prefix, '{')
	start := st.req.Offset - (len(st.ctx.Prefix) - i - 1)
	for _, p := range source.PairsOrNil() {
		st.add(Item{Label: p.Key.Value, Kind: KindReference, Detail: kind, InsertText: p.Key.Value + "}",
			Documentation: describeNode(p.Value), ReplaceStart: start, ReplaceEnd: st.req.Offset, FilterText: p.Key.Value})
	}
	return true
}

// channelKeyParameters offers parameter names inside a "{" of a 2.x channel
// name being written: those the channel declares already (when the key is
// edited) and the reusable ones of components.parameters.
func (st *state) channelKeyParameters(path []string) bool {
	if len(path) != 1 || path[0] != "channels" || !braceOpen(st.ctx.Prefix) {
		return false
	}
	root := st.req.Tree
	i := strings.LastIndexByte(st.ctx.Prefix, '{')
	start := st.req.Offset - (len(st.ctx.Prefix) - i - 1)
	typedKey := string(st.req.Text[st.ctx.ReplaceStart:st.ctx.ReplaceEnd])
	var sources []*syntax.Node
	for _, c := range root.Get("channels").PairsOrNil() {
		if c.Key.Value == typedKey {
			sources = append(sources, c.Value.Get("parameters"))
		}
	}
	sources = append(sources, root.Find("components", "parameters"))
	for _, src := range sources {
		for _, p := range src.PairsOrNil() {
			st.add(Item{Label: p.Key.Value, Kind: KindReference, Detail: "parameter", InsertText: p.Key.Value + "}",
				Documentation: describeNode(p.Value), ReplaceStart: start, ReplaceEnd: st.req.Offset, FilterText: p.Key.Value})
		}
	}
	return true
}
