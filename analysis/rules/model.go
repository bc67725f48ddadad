package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// item is one named entry of a map of objects (a channel, operation,
// message, server …) with its references followed.
type item struct {
	Name string       // the map key, or "" for an entry of a list
	Key  *syntax.Node // the key node; for a list entry, the entry itself
	Node *syntax.Node // the value, local "$ref"s followed; nil if they lead nowhere
	Raw  *syntax.Node // the value as written (maybe a "$ref" object)
	Path []string     // from the root to Node (after references)
}

// child builds the item for the value under key (references followed).
func child(p *analysis.Pass, path []string, key string, keyNode *syntax.Node) item {
	raw := append(append([]string(nil), path...), key)
	n, target := p.DerefPath(raw)
	return item{Name: key, Key: keyNode, Raw: p.Find(raw...), Node: n, Path: target}
}

// entries lists the entries of the mapping at path.
func entries(p *analysis.Pass, path ...string) []item {
	m := p.Find(path...).Resolve()
	if m == nil || m.Kind != syntax.Mapping {
		return nil
	}
	out := make([]item, 0, len(m.Pairs))
	for _, pair := range m.Pairs {
		if pair.Key.Tag == "!!merge" {
			continue
		}
		out = append(out, child(p, path, pair.Key.Value, pair.Key))
	}
	return out
}

// rootAndComponents lists root[kind] then components[kind].
func rootAndComponents(p *analysis.Pass, kind string) []item {
	return append(entries(p, kind), entries(p, "components", kind)...)
}

// channels lists root and component channels.
func channels(p *analysis.Pass) []item { return rootAndComponents(p, "channels") }

// servers lists root and component servers.
func servers(p *analysis.Pass) []item { return rootAndComponents(p, "servers") }

// operation is an operation with the channel it belongs to (for 2.x, the
// channel holding it; for 3.x, the channel it references, when it does).
type operation struct {
	item
	Channel *item
}

// operations lists 2.x publish/subscribe operations or 3.x root and
// component operations.
func operations(p *analysis.Pass) []operation {
	return p.Memo(operationsKey{}, func() any { return findOperations(p) }).([]operation)
}

type (
	operationsKey struct{}
	messagesKey   struct{}
	traitsKey     struct{}
)

func findOperations(p *analysis.Pass) []operation {
	var out []operation
	if p.IsV3() {
		chans := map[*syntax.Node]*item{}
		for _, ch := range channels(p) {
			if ch.Node != nil {
				c := ch
				chans[ch.Node] = &c
			}
		}
		for _, op := range rootAndComponents(p, "operations") {
			o := operation{item: op}
			if op.Node != nil {
				if ch := p.Deref(op.Node.Get("channel")); ch != nil {
					o.Channel = chans[ch]
				}
			}
			out = append(out, o)
		}
		return out
	}
	for _, ch := range channels(p) {
		if ch.Node == nil {
			continue
		}
		c := ch
		for _, action := range []string{"publish", "subscribe"} {
			pair := ch.Node.Entry(action)
			if pair == nil {
				continue
			}
			out = append(out, operation{Channel: &c, item: child(p, ch.Path, action, pair.Key)})
		}
	}
	return out
}

// messages lists every message object once: component messages first (so a
// finding inside a shared message is reported where it is defined), then
// 3.x channel messages or 2.x operation messages (each oneOf entry).
func messages(p *analysis.Pass) []item {
	return p.Memo(messagesKey{}, func() any { return findMessages(p) }).([]item)
}

func findMessages(p *analysis.Pass) []item {
	seen := map[*syntax.Node]bool{}
	var out []item
	add := func(it item) {
		if it.Node == nil || seen[it.Node] {
			return
		}
		seen[it.Node] = true
		out = append(out, it)
	}
	for _, m := range entries(p, "components", "messages") {
		add(m)
	}
	if p.IsV3() {
		for _, ch := range channels(p) {
			for _, m := range entries(p, append(ch.Path, "messages")...) {
				add(m)
			}
		}
		return out
	}
	for _, op := range operations(p) {
		if op.Node == nil {
			continue
		}
		pair := op.Node.Entry("message")
		if pair == nil {
			continue
		}
		msg := child(p, op.Path, "message", pair.Key)
		if oneOf := msg.Node.Get("oneOf").Resolve(); oneOf != nil && oneOf.Kind == syntax.Sequence {
			for i, it := range oneOf.Items {
				m := child(p, append(msg.Path, "oneOf"), itoa(i), it)
				m.Name = ""
				add(m)
			}
			continue
		}
		add(msg)
	}
	return out
}

// messageTraits lists component message traits and traits used inline.
func messageTraits(p *analysis.Pass) []item {
	return p.Memo(traitsKey{}, func() any { return findMessageTraits(p) }).([]item)
}

func findMessageTraits(p *analysis.Pass) []item {
	seen := map[*syntax.Node]bool{}
	var out []item
	for _, t := range entries(p, "components", "messageTraits") {
		if t.Node != nil {
			seen[t.Node] = true
			out = append(out, t)
		}
	}
	for _, m := range messages(p) {
		list := m.Node.Get("traits").Resolve()
		if list == nil || list.Kind != syntax.Sequence {
			continue
		}
		for i, it := range list.Items {
			t := child(p, append(append([]string(nil), m.Path...), "traits"), itoa(i), it)
			if t.Node == nil || seen[t.Node] {
				continue
			}
			seen[t.Node] = true
			t.Name = ""
			out = append(out, t)
		}
	}
	return out
}
