package navigate

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// SymbolKind follows the LSP numbering so the server can pass it through.
type SymbolKind int

// The symbol kinds the outline uses.
const (
	KindModule        SymbolKind = 2
	KindNamespace     SymbolKind = 3
	KindPackage       SymbolKind = 4
	KindMethod        SymbolKind = 6
	KindField         SymbolKind = 8
	KindInterface     SymbolKind = 11
	KindVariable      SymbolKind = 13
	KindKey           SymbolKind = 20
	KindObject        SymbolKind = 19
	KindStruct        SymbolKind = 23
	KindEvent         SymbolKind = 24
	KindTypeParameter SymbolKind = 26
)

// kindOf is the symbol kind that fits each AsyncAPI object kind.
var kindOf = map[refs.Kind]SymbolKind{
	refs.Server:         KindModule,
	refs.Channel:        KindInterface,
	refs.Operation:      KindMethod,
	refs.Message:        KindEvent,
	refs.Schema:         KindStruct,
	refs.Parameter:      KindTypeParameter,
	refs.ServerVariable: KindVariable,
	refs.SecurityScheme: KindKey,
	refs.MessageTrait:   KindEvent,
	refs.OperationTrait: KindMethod,
	refs.CorrelationID:  KindField,
	refs.Reply:          KindMethod,
}

// Symbol is one entry of the outline. [Start, End) covers the whole entry,
// [NameStart, NameEnd) its name.
type Symbol struct {
	Name               string
	Detail             string
	Kind               SymbolKind
	AsyncKind          refs.Kind
	Start, End         int
	NameStart, NameEnd int
	Children           []Symbol
}

// DocumentSymbols is the AsyncAPI outline of doc: info, servers, channels
// with their messages (and 2.x operations), operations with their action
// and channel, components by kind.
func DocumentSymbols(doc *analysis.Document) []Symbol {
	root := doc.Root().Resolve()
	if root == nil || root.Kind != syntax.Mapping {
		return nil
	}
	var out []Symbol
	for _, p := range root.Pairs {
		switch p.Key.Value {
		case "info":
			s := section(p, KindPackage)
			s.Detail = strings.TrimSpace(p.Value.Get("title").String() + " " + p.Value.Get("version").String())
			out = append(out, s)
		case "servers", "channels", "operations":
			s := section(p, KindNamespace)
			for _, e := range pairs(p.Value) {
				s.Children = append(s.Children, entity(doc, []string{p.Key.Value, e.Key.Value}, e))
			}
			out = append(out, s)
		case "components":
			s := section(p, KindNamespace)
			for _, kindPair := range pairs(p.Value) {
				k := section(kindPair, KindNamespace)
				if _, ok := refs.ComponentKinds[kindPair.Key.Value]; ok {
					for _, e := range pairs(kindPair.Value) {
						k.Children = append(k.Children, entity(doc, []string{"components", kindPair.Key.Value, e.Key.Value}, e))
					}
				}
				s.Children = append(s.Children, k)
			}
			out = append(out, s)
		}
	}
	return out
}

func section(p syntax.Pair, kind SymbolKind) Symbol {
	return Symbol{Name: p.Key.Value, Kind: kind, Start: p.Key.Start, End: max(p.Key.End, p.Value.End),
		NameStart: p.Key.Start, NameEnd: p.Key.End}
}

// entity is the symbol of a named object at path, with its own children.
func entity(doc *analysis.Document, path []string, p syntax.Pair) Symbol {
	ak := refs.Classify(path)
	s := section(p, kindOf[ak])
	s.AsyncKind = ak
	if s.Kind == 0 {
		s.Kind = KindObject
	}
	v := p.Value.Resolve()
	if ref := refs.RefNode(v); ref != nil {
		s.Detail = "→ " + ref.Value
		return s
	}
	switch ak {
	case refs.Server:
		s.Detail = strings.TrimSpace(v.Get("protocol").String() + " " + firstOf(v, "url", "host"))
	case refs.Channel:
		s.Detail = v.Get("address").String()
		for _, m := range pairs(v.Get("messages")) {
			s.Children = append(s.Children, entity(doc, extend(path, "messages", m.Key.Value), m))
		}
		for _, op := range []string{"publish", "subscribe"} {
			if e := v.Entry(op); e != nil {
				o := entity(doc, extend(path, op), *e)
				o.Detail = strings.TrimSpace(e.Value.Get("operationId").String())
				s.Children = append(s.Children, o)
			}
		}
	case refs.Operation:
		s.Detail = operationDetail(v)
		if msg := v.Get("message"); msg != nil { // 2.x
			if e := v.Entry("message"); e != nil {
				m := entity(doc, extend(path, "message"), *e)
				m.Name = messageName(msg)
				s.Children = append(s.Children, m)
			}
		}
	case refs.Message:
		s.Detail = firstOf(v, "name", "title")
	}
	return s
}

// operationDetail is "send → channel" for 3.x operations.
func operationDetail(v *syntax.Node) string {
	action := v.Get("action").String()
	ch := refs.RefNode(v.Get("channel"))
	if ch == nil {
		return action
	}
	r, _ := refs.Parse(ch.Value)
	if len(r.Pointer) == 0 {
		return action
	}
	return strings.TrimSpace(action + " → " + r.Pointer[len(r.Pointer)-1])
}

func messageName(msg *syntax.Node) string {
	if ref := refs.RefNode(msg); ref != nil {
		if r, _ := refs.Parse(ref.Value); len(r.Pointer) > 0 {
			return r.Pointer[len(r.Pointer)-1]
		}
	}
	if n := firstOf(msg, "name", "messageId", "title"); n != "" {
		return n
	}
	return "message"
}

func firstOf(v *syntax.Node, keys ...string) string {
	for _, k := range keys {
		if s := v.Get(k).String(); s != "" {
			return s
		}
	}
	return ""
}

// extend copies path and adds more, so that siblings never share a backing array.
func extend(path []string, more ...string) []string {
	return append(append(make([]string, 0, len(path)+len(more)), path...), more...)
}
