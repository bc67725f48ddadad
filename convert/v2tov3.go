package convert

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// v2tov3 converts a 2.x document into 3.0.0, as the official converter
// (@asyncapi/converter 2.0.2, "from 2.6.0 to 3.0.0") does with its default
// options: channel ids from x-channelId, server and channel components
// converted. Where it writes something the 3.0 schema rejects or loses
// information, this one does what it meant (see conformance/convert/known.tsv).
type v2tov3 struct {
	*run
	// moved maps old JSON pointers to new ones; every local $ref that
	// starts with an old pointer is rewritten at the end.
	moved map[string][]string
	// refHolders are the original values that hold (at any depth) a $ref
	// to rewrite.
	refHolders map[*syntax.Node]bool
	// msgPaths are the original paths of the messages that move into
	// channels, for notes.
	msgPaths map[*node][]string
}

func (c *v2tov3) convert() {
	c.moved = map[string][]string{}
	c.msgPaths = map[*node][]string{}
	root := c.root
	if v := root.get("asyncapi"); v != nil {
		v.setScalar("3.0.0")
	}
	c.info()
	if servers := root.get("servers"); servers.isMap() {
		c.servers(servers, []string{"servers"})
	}
	if channels := root.get("channels"); channels.isMap() {
		c.channels(channels, false)
	}
	c.components()
	c.rewriteMovedRefs()
}

// rewriteMovedRefs points every local $ref into a place that moved to the
// new place.
func (c *v2tov3) rewriteMovedRefs() {
	c.refHolders = map[*syntax.Node]bool{}
	c.findRefHolders(c.doc.Root(), 0)
	c.rewriteRefs(c.root, 0)
}

// info moves the root tags and externalDocs into info.
func (c *v2tov3) info() {
	info := c.root.get("info")
	if !info.isMap() {
		return
	}
	for _, key := range []string{"tags", "externalDocs"} {
		if e := c.root.take(key); e != nil {
			info.put(len(info.entryList()), e)
			c.move([]string{key}, []string{"info", key})
		}
	}
}

// move records that the value at old now lives at new.
func (c *v2tov3) move(old, new []string) { c.moved[refs.FormatPointer(old)] = new }

// servers converts the server objects of a servers map (the root's or the
// components').
func (c *v2tov3) servers(servers *node, path []string) {
	for _, e := range servers.entryList() {
		s := e.value
		if !s.isMap() || s.has("$ref") {
			continue
		}
		c.server(s, append(path[:len(path):len(path)], e.key))
	}
}

// server splits url into host, pathname and protocol, and turns the
// security requirements into references to security schemes.
func (c *v2tov3) server(s *node, path []string) {
	c.serverURL(s, path)
	if sec := s.get("security"); sec.isSeq() {
		c.security(sec, append(path, "security"))
	}
}

// serverURL splits a server's url into host, pathname and protocol.
func (c *v2tov3) serverURL(s *node, path []string) {
	if url := s.get("url"); url.isString() {
		host, pathname, protocol := analysis.SplitServerURL(url.str())
		i := s.index("url")
		s.rename("url", "host")
		url.setScalar(host)
		if pathname != "" {
			s.insert(i+1, "pathname", newStr(pathname))
		}
		if protocol != "" && !s.has("protocol") {
			s.insert(i+1, "protocol", newStr(protocol))
		}
	} else {
		c.note(s, path, "has no url (a string), so it gets no host; add one by hand.")
	}
}

// security turns a 2.x list of security requirements ({scheme: [scopes]})
// into 3.0 security: a reference to each scheme, or, for an OAuth2 or
// OpenID Connect scheme used with scopes, a copy of the scheme with those
// scopes. Requirements that named several schemes (all needed) become one
// item each, since 3.0 lists alternatives only.
func (c *v2tov3) security(sec *node, path []string) {
	var out []*node
	for i, req := range sec.itemList() {
		items := c.requirement(req, append(path, strconv.Itoa(i)))
		if len(items) > 0 && req.orig != nil && sec.orig != nil && i < len(sec.orig.Items) && req.orig == sec.orig.Items[i] && items[0] != req {
			items[0].lead = c.itemHead(sec.orig, i)
		}
		out = append(out, items...)
	}
	sec.items = out
}

// requirement turns one 2.x security requirement into 3.0 security items.
func (c *v2tov3) requirement(req *node, path []string) []*node {
	if !req.isMap() {
		return []*node{req}
	}
	if len(req.entryList()) > 1 {
		c.note(req, path, "requires all of "+keyList(req)+"; 3.0 lists security schemes as alternatives, so any one of them will do.")
	}
	var out []*node
	for _, e := range req.entryList() {
		ref := newMap("$ref", newStr("#"+refs.FormatPointer([]string{"components", "securitySchemes", e.key})))
		scopes := e.value.itemList()
		if len(scopes) == 0 {
			out = append(out, ref)
			continue
		}
		scheme := c.root.pointer([]string{"components", "securitySchemes", e.key})
		switch t := scheme.get("type").str(); {
		case !scheme.isMap():
			c.note(req, append(path, e.key), "names no security scheme of components.securitySchemes; its scopes are left out.")
			out = append(out, ref)
		case scheme.has("$ref"):
			c.note(req, append(path, e.key), "names a security scheme that is a reference; its scopes are left out.")
			out = append(out, ref)
		case t == "oauth2" || t == "openIdConnect":
			copied := scheme.clone()
			availableScopes(copied)
			copied.set("scopes", e.value)
			out = append(out, copied)
		default:
			c.note(req, append(path, e.key), "gives scopes to a "+strconv.Quote(t)+" scheme, which has none; they are left out.")
			out = append(out, ref)
		}
	}
	return out
}

// keyList writes the keys of a mapping for a note.
func keyList(m *node) string {
	var names []string
	for _, e := range m.entryList() {
		names = append(names, strconv.Quote(e.key))
	}
	return strings.Join(names, ", ")
}

// availableScopes renames the scopes of every OAuth2 flow to availableScopes.
func availableScopes(scheme *node) {
	flows := scheme.get("flows")
	for _, kind := range []string{"implicit", "password", "clientCredentials", "authorizationCode"} {
		if flow := flows.get(kind); flow.isMap() && flow.has("scopes") {
			flow.rename("scopes", "availableScopes")
		}
	}
}

// channels converts a channels map: each channel gets its address and its
// messages, its operations move to the root operations (or the components'
// for channel components).
func (c *v2tov3) channels(channels *node, inComponents bool) {
	base := []string{"channels"}
	if inComponents {
		base = []string{"components", "channels"}
	}
	// The channels the root uses from components, by their original
	// reference (before any rewriting).
	used := map[string]bool{}
	if inComponents {
		for _, e := range c.root.get("channels").entryList() {
			if r := e.value.get("$ref"); r != nil {
				used[r.str()] = true
			}
		}
	}
	for _, e := range channels.entryList() {
		address := e.key
		ch := e.value
		id := address
		if ch.isMap() && !ch.has("$ref") {
			if x := ch.get("x-channelId"); x != nil && x.str() != "" {
				id = x.str()
			}
		}
		oldPath := append(base[:len(base):len(base)], address)
		newPath := append(base[:len(base):len(base)], id)
		c.move(oldPath, newPath)
		if id != address {
			e.key = id
		}
		if !ch.isMap() || ch.has("$ref") {
			continue
		}
		ch.insert(0, "address", newStr(address))
		if servers := ch.get("servers"); servers.isSeq() {
			for i, s := range servers.itemList() {
				if s.isString() {
					servers.items[i] = newMap("$ref", newStr("#"+refs.FormatPointer([]string{"servers", s.str()})))
				}
			}
		}
		if params := ch.get("parameters"); params.isMap() {
			c.parameters(params, append(oldPath, "parameters"))
		}
		c.channelOperations(ch, address, id, inComponents, used["#"+refs.FormatPointer(oldPath)])
	}
}

// channelOperations moves the publish and subscribe operations of a
// channel out into operations, and their messages into the channel's
// messages, where the operations were.
func (c *v2tov3) channelOperations(ch *node, address, id string, inComponents, used bool) {
	at := -1
	var messages []*entry
	var ops []*entry
	for _, kind := range []string{"publish", "subscribe"} {
		i := ch.index(kind)
		op := ch.get(kind)
		if !op.isMap() {
			continue
		}
		if at < 0 || i < at {
			at = i
		}
		e := ch.take(kind)
		opID, msgs := c.operation(e, kind, address, id, inComponents)
		messages = mergeMessages(messages, msgs)
		e.key = opID
		ops = append(ops, e)
	}
	c.placeMessages(ch, messages, max(at, 1))
	c.addOperations(ops, inComponents, used)
}

// placeMessages puts messages into the channel's messages map (made at
// position at when missing) and makes them 3.0 messages.
func (c *v2tov3) placeMessages(ch *node, messages []*entry, at int) {
	if len(messages) == 0 {
		return
	}
	target := ch.get("messages")
	if !target.isMap() {
		target = newMap()
		ch.insert(at, "messages", target)
	}
	for _, m := range messages {
		target.put(len(target.entryList()), m)
		c.message(m.value, c.msgPaths[m.value])
	}
}

// mergeMessages adds msgs to have; a message id already there is replaced,
// keeping its place, as the official converter's object spread does.
func mergeMessages(have, msgs []*entry) []*entry {
	for _, m := range msgs {
		replaced := false
		for i, h := range have {
			if h.key == m.key {
				have[i] = m
				replaced = true
			}
		}
		if !replaced {
			have = append(have, m)
		}
	}
	return have
}

// addOperations puts the operations of one channel into the root
// operations, or into the components' with, when the root uses the channel
// component, a reference from the root operations.
func (c *v2tov3) addOperations(ops []*entry, inComponents, used bool) {
	if len(ops) == 0 {
		return
	}
	if !inComponents {
		for _, op := range ops {
			target := c.operationsMap(c.root, "channels")
			target.put(len(target.entryList()), op)
		}
		return
	}
	comps := c.root.get("components")
	for _, op := range ops {
		target := c.operationsMap(comps, "channels")
		target.put(len(target.entryList()), op)
		if used {
			ref := newMap("$ref", newStr("#"+refs.FormatPointer([]string{"components", "operations", op.key})))
			c.operationsMap(c.root, "channels").set(op.key, ref)
		}
	}
}

// operationsMap returns the operations map of m, made after the entry
// after when missing.
func (c *v2tov3) operationsMap(m *node, after string) *node {
	if ops := m.get("operations"); ops.isMap() {
		return ops
	}
	ops := newMap()
	ops.blankLike = m.get(after).origMap()
	at := len(m.entryList())
	if i := m.index(after); i >= 0 {
		at = i + 1
	}
	m.insert(at, "operations", ops)
	return ops
}

// operation turns the publish or subscribe operation of a channel into a
// 3.0 operation: its key is the operationId (or "<channel id>.<kind>"), its
// action follows the perspective, it points to its channel and to its
// messages, which move into the channel. It returns the key and the
// channel's new messages.
func (c *v2tov3) operation(e *entry, kind, address, channelID string, inComponents bool) (string, []*entry) {
	op := e.value
	channelPath := []string{"channels", channelID}
	oldChannel := []string{"channels", address}
	opsPath := []string{"operations"}
	if inComponents {
		channelPath = append([]string{"components"}, channelPath...)
		oldChannel = append([]string{"components"}, oldChannel...)
		opsPath = []string{"components", "operations"}
	}
	id := op.get("operationId").str()
	if id == "" {
		id = channelID + "." + kind
	}
	c.move(append(oldChannel[:len(oldChannel):len(oldChannel)], kind), append(opsPath, id))
	op.del("operationId")
	action := "receive"
	if (kind == "publish") == (c.opts.Perspective == "client") {
		action = "send"
	}
	op.insert(0, "action", newStr(action))
	op.insert(1, "channel", newMap("$ref", newStr("#"+refs.FormatPointer(channelPath))))
	msgs := c.operationMessages(op, id, append(oldChannel[:len(oldChannel):len(oldChannel)], kind, "message"), append(channelPath[:len(channelPath):len(channelPath)], "messages"))
	if sec := op.get("security"); sec.isSeq() {
		c.security(sec, append(oldChannel, kind, "security"))
	}
	c.operationTraits(op.get("traits"), append(oldChannel, kind, "traits"))
	return id, msgs
}

// operationMessages takes the 2.x message (or oneOf messages) out of an
// operation, records where each goes (newMsgs/<id>), puts references to
// them in the operation's messages, and returns them as entries for the
// channel.
func (c *v2tov3) operationMessages(op *node, opID string, oldMsg, newMsgs []string) []*entry {
	i := op.index("message")
	if i < 0 {
		return nil
	}
	messageEntry := op.take("message")
	message := messageEntry.value
	var msgs []*entry
	if oneOf := message.get("oneOf"); message.isMap() && oneOf.isSeq() {
		for j, m := range oneOf.itemList() {
			c.msgPaths[m] = append(oldMsg[:len(oldMsg):len(oldMsg)], "oneOf", strconv.Itoa(j))
			mid := c.messageID(m, opID, strconv.Itoa(j), true)
			c.move(append(oldMsg[:len(oldMsg):len(oldMsg)], "oneOf", strconv.Itoa(j)), append(newMsgs[:len(newMsgs):len(newMsgs)], mid))
			msgs = mergeMessages(msgs, []*entry{{key: mid, value: m, lead: c.itemGap(oneOf.orig, j)}})
		}
		if len(msgs) > 0 {
			c.handOverComments(messageEntry, msgs[0])
			c.handOverComments(message.entryList()[message.index("oneOf")], msgs[0])
		}
	} else {
		c.msgPaths[message] = oldMsg
		mid := c.messageID(message, opID, "message", false)
		c.move(oldMsg, append(newMsgs[:len(newMsgs):len(newMsgs)], mid))
		messageEntry.key = mid
		msgs = []*entry{messageEntry}
	}
	var list []*node
	for _, m := range msgs {
		list = append(list, newMap("$ref", newStr("#"+refs.FormatPointer(append(newMsgs[:len(newMsgs):len(newMsgs)], m.key)))))
	}
	if len(list) > 0 {
		op.insert(i, "messages", newSeq(list...))
	}
	return msgs
}

// messageID names a message of a channel as the official converter does:
// its messageId (or that of the local message it references), otherwise
// "<operation kind>.message" (with ".<index>" for oneOf), where the kind is
// the last dot-separated part of the operation id.
func (c *v2tov3) messageID(m *node, operationID, key string, indexed bool) string {
	if r := m.get("$ref"); r != nil && strings.HasPrefix(r.str(), "#") {
		if tokens, err := refs.ParsePointer(strings.TrimPrefix(r.str(), "#")); err == nil {
			if id := c.root.pointer(tokens).get("messageId").str(); id != "" {
				return id
			}
		}
	}
	if id := m.get("messageId").str(); id != "" {
		return id
	}
	kind := operationID
	if i := strings.LastIndexByte(operationID, '.'); i >= 0 {
		kind = operationID[i+1:]
	}
	if indexed {
		return kind + ".message." + key
	}
	return kind + ".message"
}

// message makes a 2.x message a 3.0 one: no messageId, and a payload in
// another schema format wrapped with its format.
func (c *v2tov3) message(m *node, path []string) {
	if !m.isMap() || m.has("$ref") {
		return
	}
	m.del("messageId")
	if i := m.index("schemaFormat"); i >= 0 {
		format := m.take("schemaFormat")
		if payload := m.take("payload"); payload != nil {
			wrapped := newMap()
			wrapped.entries = []*entry{format, {key: "schema", value: payload.value}}
			payload.value = wrapped
			m.put(min(i, len(m.entryList())), payload)
		} else {
			m.insert(i, "payload", newMap("schemaFormat", format.value))
		}
	}
	c.messageTraits(m.get("traits"), append(path, "traits"))
}

// messageTraits drops messageId from message traits: 3.0 traits have none.
func (c *v2tov3) messageTraits(traits *node, path []string) {
	for i, t := range traits.itemList() {
		c.messageTrait(t, append(path, strconv.Itoa(i)))
	}
}

func (c *v2tov3) messageTrait(t *node, path []string) {
	if t.isMap() && !t.has("$ref") {
		t.del("messageId")
	}
}

// operationTraits drops operationId from operation traits and converts
// their security requirements.
func (c *v2tov3) operationTraits(traits *node, path []string) {
	for i, t := range traits.itemList() {
		c.operationTrait(t, append(path, strconv.Itoa(i)))
	}
}

func (c *v2tov3) operationTrait(t *node, path []string) {
	if !t.isMap() || t.has("$ref") {
		return
	}
	t.del("operationId")
	if sec := t.get("security"); sec.isSeq() {
		c.security(sec, append(path, "security"))
	}
}

// parameters converts each parameter of a map.
func (c *v2tov3) parameters(params *node, path []string) {
	for _, e := range params.entryList() {
		c.parameter(e.value, append(path[:len(path):len(path)], e.key))
	}
}

// parameter makes a 2.x parameter a 3.0 one: its schema gives way to the
// schema's enum (or const), default, examples and description.
func (c *v2tov3) parameter(p *node, path []string) {
	if !p.isMap() {
		return
	}
	if p.has("$ref") {
		var others []string // not deleted while the entries are walked
		for _, e := range p.entryList() {
			if e.key != "$ref" {
				others = append(others, e.key)
			}
		}
		for _, k := range others {
			p.del(k)
		}
		return
	}
	i := p.index("schema")
	if i < 0 {
		return
	}
	schemaEntry := p.take("schema")
	schema := schemaEntry.value
	if r := schema.get("$ref"); r != nil {
		c.noteEntry(schemaEntry, append(path, "schema"), "is a reference ("+r.str()+"); a 3.0 parameter has no schema: give it its enum, default and examples by hand.")
	}
	var dropped []string
	var moved []*entry
	var enum *entry
	var constant *node
	for _, e := range schema.entryList() {
		if e.value.isNull() && e.key != "$ref" {
			continue
		}
		switch e.key {
		case "enum":
			enum = e
		case "const":
			constant = e.value
		case "default", "examples":
			moved = append(moved, e)
		case "description":
			if !p.has("description") {
				moved = append(moved, e)
			}
		case "$ref":
		default:
			dropped = append(dropped, e.key)
		}
	}
	// const wins over enum, as in the official converter.
	switch {
	case constant != nil:
		moved = append([]*entry{{key: "enum", value: newSeq(constant)}}, moved...)
	case enum != nil:
		moved = append([]*entry{enum}, moved...)
	}
	if len(moved) > 0 {
		c.handOverComments(schemaEntry, moved[0])
	}
	for _, e := range moved {
		p.put(i, e)
		i++
	}
	if len(dropped) > 0 {
		c.noteEntry(schemaEntry, append(path, "schema"), "has keywords a 3.0 parameter cannot hold: "+strings.Join(dropped, ", ")+"; they are left out.")
	}
}

// handOverComments gives the comment lines above the key of from, an entry
// that goes, to the entry to that takes its place.
func (c *v2tov3) handOverComments(from, to *entry) {
	to.lead = append(to.lead, c.entryHead(from)...)
}

// entryHead is the span of comment lines above an original entry's key.
func (c *v2tov3) entryHead(e *entry) []span {
	if e.pair == nil || !block(e.holder) {
		return nil
	}
	l := layout{c.src}
	key := e.pair.Key.Start
	if start, end := l.pairHead(e.holder, e.idx), l.lineStart(key); start < end {
		return []span{{start, end, l.col(key)}}
	}
	return nil
}

// itemGap is the span of blank and comment lines between item j of an
// original block sequence and the item before it (its head, for the first).
func (c *v2tov3) itemGap(seq *syntax.Node, j int) []span {
	if j == 0 || !block(seq) {
		return c.itemHead(seq, j)
	}
	l := layout{c.src}
	d := l.dash(seq.Items[j])
	if start, end := l.valueEnd(seq.Items[j-1]), l.lineStart(d); start < end {
		return []span{{start, end, l.col(d)}}
	}
	return nil
}

// itemHead is the span of comment lines above item j of an original block
// sequence.
func (c *v2tov3) itemHead(seq *syntax.Node, j int) []span {
	if !block(seq) {
		return nil
	}
	l := layout{c.src}
	d := l.dash(seq.Items[j])
	if start, end := l.itemHead(seq, j), l.lineStart(d); start < end {
		return []span{{start, end, l.col(d)}}
	}
	return nil
}

// components converts server, channel, security scheme, message and
// parameter components.
func (c *v2tov3) components() {
	comps := c.root.get("components")
	if !comps.isMap() {
		return
	}
	if servers := comps.get("servers"); servers.isMap() {
		c.servers(servers, []string{"components", "servers"})
	}
	if channels := comps.get("channels"); channels.isMap() {
		c.channels(channels, true)
	}
	if schemes := comps.get("securitySchemes"); schemes.isMap() {
		for _, e := range schemes.entryList() {
			if e.value.isMap() && !e.value.has("$ref") {
				availableScopes(e.value)
			}
		}
	}
	if messages := comps.get("messages"); messages.isMap() {
		for _, e := range messages.entryList() {
			c.message(e.value, []string{"components", "messages", e.key})
		}
	}
	if params := comps.get("parameters"); params.isMap() {
		c.parameters(params, []string{"components", "parameters"})
	}
	for _, e := range comps.get("messageTraits").entryList() {
		c.messageTrait(e.value, []string{"components", "messageTraits", e.key})
	}
	for _, e := range comps.get("operationTraits").entryList() {
		c.operationTrait(e.value, []string{"components", "operationTraits", e.key})
	}
}

// rewriteRefs points every local $ref that leads into a moved place to the
// new place, the longest moved prefix winning. It only opens the parts of
// the tree that hold such a reference.
func (c *v2tov3) rewriteRefs(n *node, depth int) {
	if n == nil || depth > 256 || n.orig != nil && !n.open && !c.refHolders[n.orig] {
		return
	}
	switch {
	case n.isMap():
		for _, e := range n.entryList() {
			if e.key == "$ref" && e.value.isString() {
				if to, ok := c.rewrite(e.value.str()); ok {
					e.value.setScalar(to)
				}
				continue
			}
			c.rewriteRefs(e.value, depth+1)
		}
	case n.isSeq():
		for _, it := range n.itemList() {
			c.rewriteRefs(it, depth+1)
		}
	}
}

// findRefHolders marks the original values that hold a $ref to rewrite.
func (c *v2tov3) findRefHolders(n *syntax.Node, depth int) bool {
	if n == nil || depth > 256 {
		return false
	}
	found := false
	switch n.Kind {
	case syntax.Mapping:
		for _, p := range n.Pairs {
			if p.Key.Value == "$ref" && p.Value.Kind == syntax.Scalar {
				if _, ok := c.rewrite(p.Value.Value); ok {
					found = true
				}
				continue
			}
			if c.findRefHolders(p.Value, depth+1) {
				found = true
			}
		}
	case syntax.Sequence:
		for _, it := range n.Items {
			if c.findRefHolders(it, depth+1) {
				found = true
			}
		}
	}
	if found {
		c.refHolders[n] = true
	}
	return found
}

// rewrite gives the new text of a local reference into a moved place.
func (c *v2tov3) rewrite(ref string) (string, bool) {
	if !strings.HasPrefix(ref, "#/") {
		return "", false
	}
	tokens, err := refs.ParsePointer(ref[1:])
	if err != nil {
		return "", false
	}
	for k := len(tokens); k > 0; k-- {
		if to, ok := c.moved[refs.FormatPointer(tokens[:k])]; ok {
			var out strings.Builder
			out.WriteByte('#')
			for _, tok := range append(to[:len(to):len(to)], tokens[k:]...) {
				out.WriteByte('/')
				out.WriteString(refToken(tok))
			}
			return out.String(), out.String() != ref
		}
	}
	return "", false
}

// refToken writes a token of a rewritten reference as people write them,
// unencoded, unless it holds what only percent-encoding can write (a
// control character, bytes that are not UTF-8, or "%" itself, which would
// read as an escape).
func refToken(tok string) string {
	if !utf8.ValidString(tok) || strings.ContainsFunc(tok, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '%' }) {
		return refs.FragmentToken(tok)
	}
	return refs.EscapeToken(tok)
}
