package model

import (
	"sort"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// OperationsOf returns the operations on ch: in 2.x its publish and
// subscribe, in 3.x the root operations whose channel reference leads to
// ch, then the component operations that no root operation refers to.
func (m *Model) OperationsOf(ch *Channel) []*Operation {
	if ch == nil || ch.Value == nil {
		return nil
	}
	if !m.IsV3() {
		return ch.v2ops
	}
	return m.opsByChannel[ch.Value]
}

// ServersOf returns the servers ch is available on: those it names, or
// every root server when it names none.
func (m *Model) ServersOf(ch *Channel) []*Server {
	if ch != nil && ch.Value.Entry("servers") != nil {
		return ch.Servers
	}
	return m.Servers
}

// OperationsWith returns the root operations that send or receive msg
// (compared by where it is defined).
func (m *Model) OperationsWith(msg *Message) []*Operation {
	if msg == nil || msg.Value == nil {
		return nil
	}
	var out []*Operation
	for _, op := range m.Operations {
		for _, x := range op.EffectiveMessages() {
			if x.Value == msg.Value {
				out = append(out, op)
				break
			}
		}
	}
	return out
}

// ReferencesTo returns the references of the model whose chain ends where e
// is defined (naming it, or naming another reference to it), in the order
// they were met.
func (m *Model) ReferencesTo(e Element) []*Ref {
	b := e.Common()
	if b.Value == nil {
		return nil
	}
	return m.refsTo[b.Value]
}

// Refs returns every reference the model followed, the broken ones too
// (their Err set), in the order they were met.
func (m *Model) Refs() []*Ref { return m.refs }

// Files returns the other documents the model read, sorted.
func (m *Model) Files() []string {
	out := make([]string, 0, len(m.deps))
	for u := range m.deps {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// UpToDate reports whether load gives every other document the model read
// as it was read (the same parsed tree, or the same failure): the model of
// a document version can then serve another snapshot.
func (m *Model) UpToDate(load refs.Loader) bool {
	for u, root := range m.deps {
		if load == nil {
			return root == nil
		}
		r, err := load(u)
		if err != nil {
			r = nil
		}
		if r != root {
			return false
		}
	}
	return true
}

// Messages returns every message the model reached, each definition once,
// in the order Walk meets them.
func (m *Model) Messages() []*Message {
	var out []*Message
	seen := map[*syntax.Node]bool{}
	m.Walk(func(e Element) bool {
		if msg, ok := e.(*Message); ok && msg.Value != nil && !seen[msg.Value] {
			seen[msg.Value] = true
			out = append(out, msg)
		}
		return true
	})
	return out
}

// Walk calls visit for every element of the model, depth first: info,
// servers, channels, operations, components, then the API's tags and
// external docs. Each element value is visited once; a definition that
// several references reach is entered once (its children visited under the
// first use met). visit returns false to skip the children of e.
func (m *Model) Walk(visit func(e Element) bool) {
	w := &walker{visit: visit, seen: map[Element]bool{}, entered: map[defKey]bool{}}
	one(w, m.Info)
	eachOf(w, m.Servers)
	eachOf(w, m.Channels)
	eachOf(w, m.Operations)
	one(w, m.Components)
	eachOf(w, m.Tags)
	one(w, m.ExternalDocs)
}

type walker struct {
	visit   func(Element) bool
	seen    map[Element]bool
	entered map[defKey]bool
}

func eachOf[P Element](w *walker, list []P) {
	for _, e := range list {
		w.one(e)
	}
}

// one visits p, which may be nil.
func one[T any, P elementPtr[T]](w *walker, p P) {
	if p != nil {
		w.one(p)
	}
}

func (w *walker) one(e Element) {
	if w.seen[e] {
		return
	}
	w.seen[e] = true
	if !w.visit(e) {
		return
	}
	b := e.Common()
	if b.Value != nil {
		k := defKey{b.Value, e.Kind()}
		// A 2.x channel use has operations of its own (copies that point at
		// the use): enter it even when the definition was entered.
		if ch, ok := e.(*Channel); !ok || ch.Ref == nil {
			if w.entered[k] {
				return
			}
		}
		w.entered[k] = true
	}
	w.children(e)
}

// Children calls yield for each element directly inside e, in field order.
func Children(e Element, yield func(Element)) {
	w := &walker{visit: func(c Element) bool { yield(c); return false }, seen: map[Element]bool{}}
	w.children(e)
}

func (w *walker) children(e Element) {
	switch x := e.(type) {
	case *Info:
		one(w, x.Contact)
		one(w, x.License)
	case *Server:
		eachOf(w, x.Variables)
		eachOf(w, x.Security)
		w.about(x.Tags, x.ExternalDocs, x.Bindings)
	case *SecurityRequirement:
		one(w, x.Scheme)
	case *SecurityScheme:
		eachOf(w, x.Flows)
	case *Channel:
		eachOf(w, x.Servers)
		eachOf(w, x.Parameters)
		eachOf(w, x.Messages)
		eachOf(w, x.v2ops)
		w.about(x.Tags, x.ExternalDocs, x.Bindings)
	case *Parameter:
		one(w, x.Schema)
	case *Operation:
		w.operationFields(&x.OperationFields)
		one(w, x.Channel)
		eachOf(w, x.Messages)
		one(w, x.Reply)
		eachOf(w, x.Traits)
	case *OperationTrait:
		w.operationFields(&x.OperationFields)
	case *Reply:
		one(w, x.Address)
		one(w, x.Channel)
		eachOf(w, x.Messages)
	case *Message:
		w.messageFields(&x.MessageFields)
		one(w, x.Payload)
		eachOf(w, x.Traits)
	case *MessageTrait:
		w.messageFields(&x.MessageFields)
	case *Schema:
		one(w, x.Schema)
	case *Tag:
		one(w, x.ExternalDocs)
	case *Bindings:
		eachOf(w, x.Protocols)
	case *Components:
		eachOf(w, x.Schemas)
		eachOf(w, x.Servers)
		eachOf(w, x.ServerVariables)
		eachOf(w, x.Channels)
		eachOf(w, x.Operations)
		eachOf(w, x.Messages)
		eachOf(w, x.SecuritySchemes)
		eachOf(w, x.Parameters)
		eachOf(w, x.CorrelationIDs)
		eachOf(w, x.Replies)
		eachOf(w, x.ReplyAddresses)
		eachOf(w, x.Tags)
		eachOf(w, x.ExternalDocs)
		eachOf(w, x.OperationTraits)
		eachOf(w, x.MessageTraits)
		eachOf(w, x.ServerBindings)
		eachOf(w, x.ChannelBindings)
		eachOf(w, x.OperationBindings)
		eachOf(w, x.MessageBindings)
	}
}

func (w *walker) about(tags []*Tag, docs *ExternalDocs, bindings *Bindings) {
	eachOf(w, tags)
	one(w, docs)
	one(w, bindings)
}

func (w *walker) operationFields(f *OperationFields) {
	eachOf(w, f.Security)
	w.about(f.Tags, f.ExternalDocs, f.Bindings)
}

func (w *walker) messageFields(f *MessageFields) {
	one(w, f.Headers)
	one(w, f.CorrelationID)
	eachOf(w, f.Examples)
	w.about(f.Tags, f.ExternalDocs, f.Bindings)
}
