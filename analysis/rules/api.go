package rules

import (
	"slices"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

// The rules read the document through its model (analysis/model): which
// servers, channels, operations, messages and traits it has, where each is
// written and what its references reach. These helpers give the lists the
// rules share, once per pass.

// local reports whether e's value is written in this document, in place or
// through references inside it: only such elements get findings here, at
// their own nodes (what a reference brings from another file is checked in
// that file).
func local(p *analysis.Pass, e model.Element) bool {
	c := e.Common()
	return c.Value != nil && c.Loc.URI == p.Model().URI
}

// inPlace reports whether e is written where it is used, not reached
// through a reference (a referenced definition is checked where it is
// defined, once).
func inPlace(p *analysis.Pass, e model.Element) bool {
	return e.Common().Ref == nil && local(p, e)
}

// onElementKey builds a finding on the key that names e where it is
// written (the name of a parameter …), or on its value when it has none.
func onElementKey(e model.Element, msg string) analysis.Diagnostic {
	c := e.Common()
	if c.KeyNode != nil && c.Key != "" {
		return analysis.Diagnostic{Start: c.KeyNode.Start, End: c.KeyNode.End, Message: msg}
	}
	return at(c.Value, msg)
}

// onDefinition builds a finding on the key under which e is defined in
// this document (a component's name, a 2.x "publish" or "message" …), or
// on its value when it is a list item.
func onDefinition(p *analysis.Pass, e model.Element, msg string) analysis.Diagnostic {
	if pair := p.Root.FindPair(e.Common().Loc.Pointer...); pair != nil {
		return analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End, Message: msg}
	}
	return at(e.Common().Value, msg)
}

// onWrittenKey builds a finding on the key under which e is written where
// it is used (a message's "headers", a reply's "address" …), or on its
// value as written when it is a list item.
func onWrittenKey(p *analysis.Pass, e model.Element, msg string) analysis.Diagnostic {
	if pair := p.Root.FindPair(writtenPath(e)...); pair != nil {
		return analysis.Diagnostic{Start: pair.Key.Start, End: pair.Key.End, Message: msg}
	}
	return at(written(p, e), msg)
}

// written is e as written where it is used: the reference object when a
// reference reaches it, else its value; nil when that is in another
// document.
func written(p *analysis.Pass, e model.Element) *syntax.Node {
	c := e.Common()
	switch {
	case c.Ref == nil:
		return c.Value
	case c.Ref.At.URI == p.Model().URI:
		return p.Find(c.Ref.At.Pointer...)
	}
	return nil
}

// writtenPath is where e is written in this document: the reference object
// that reaches it, or its own place.
func writtenPath(e model.Element) []string {
	if r := e.Common().Ref; r != nil {
		return r.At.Pointer
	}
	return e.Common().Loc.Pointer
}

// definitions lists the elements of kind T defined in this document, each
// definition once (the first use the model's walk meets), in walk order.
func definitions[T model.Element](p *analysis.Pass) []T {
	var out []T
	for _, e := range walked(p).firsts {
		if x, ok := e.(T); ok && local(p, x) {
			out = append(out, x)
		}
	}
	return out
}

// writtenHere lists the elements of kind T written in place in this
// document, each value once (a YAML alias of one is the same value), in
// walk order: where the checks of an object as written go, whichever use
// the walk meets first.
func writtenHere[T model.Element](p *analysis.Pass) []T {
	var out []T
	for _, e := range walked(p).inPlace {
		if x, ok := e.(T); ok {
			out = append(out, x)
		}
	}
	return out
}

// parameters lists every channel parameter written in place in this
// document, each once: those of root and component channels and the
// component parameters.
func parameters(p *analysis.Pass) []*model.Parameter { return writtenHere[*model.Parameter](p) }

// messages lists the messages defined in this document, each once.
func messages(p *analysis.Pass) []*model.Message { return definitions[*model.Message](p) }

// messageTraits lists the message traits defined in this document, each
// once.
func messageTraits(p *analysis.Pass) []*model.MessageTrait {
	return definitions[*model.MessageTrait](p)
}

// componentsWritten is the components object written in this document,
// nil when there is none: rules about component names read its keys, the
// kinds the model does not know (a misspelt kind, an extension) included.
func componentsWritten(p *analysis.Pass) *syntax.Node {
	c := p.Model().Components
	if c == nil || !inPlace(p, c) || !isMapping(c.Value) {
		return nil
	}
	return c.Value
}

// componentsOf is the document's components; none when it has none.
func componentsOf(p *analysis.Pass) *model.Components {
	if c := p.Model().Components; c != nil {
		return c
	}
	return &model.Components{}
}

// servers lists the root then the component servers, as the document
// names them.
func servers(p *analysis.Pass) []*model.Server {
	return append(slices.Clip(p.Model().Servers), componentsOf(p).Servers...)
}

// channels lists the root then the component channels, as the document
// names them.
func channels(p *analysis.Pass) []*model.Channel {
	return append(slices.Clip(p.Model().Channels), componentsOf(p).Channels...)
}

// rootAndComponentOperations lists the root then the component operations,
// as a 3.x document names them.
func rootAndComponentOperations(p *analysis.Pass) []*model.Operation {
	return append(slices.Clip(p.Model().Operations), componentsOf(p).Operations...)
}

// operations lists the operations the document writes, each definition
// once: 3.x root and component operations, 2.x publish and subscribe of
// root and component channels.
func operations(p *analysis.Pass) []*model.Operation { return definitions[*model.Operation](p) }

// named is the element of list with the key name, or nil.
func named[T model.Element](list []T, name string) T {
	for _, e := range list {
		if e.Common().Key == name {
			return e
		}
	}
	var none T
	return none
}

// walk is what one walk of the model gives the rules, once per pass.
type walk struct {
	firsts  []model.Element // the first element of each kind met for each value, in walk order
	inPlace []model.Element // the first element of each kind written in place for each value
}

type walkKey struct{}

// valueKind names a definition: a value read as one kind.
type valueKind struct {
	value *syntax.Node
	kind  model.Kind
}

func walked(p *analysis.Pass) *walk {
	return p.Memo(walkKey{}, func() any {
		w := &walk{}
		first, here := map[valueKind]bool{}, map[valueKind]bool{}
		p.Model().Walk(func(e model.Element) bool {
			v := e.Common().Value
			if v == nil {
				return true
			}
			k := valueKind{v, e.Kind()}
			if !here[k] && inPlace(p, e) {
				here[k] = true
				w.inPlace = append(w.inPlace, e)
			}
			if !first[k] {
				first[k] = true
				w.firsts = append(w.firsts, e)
			}
			return true
		})
		return w
	}).(*walk)
}

// localTarget is the pointer a reference names in this document; false
// when there is no reference, it is not valid, or it names another file.
func localTarget(p *analysis.Pass, r *model.Ref) ([]string, bool) {
	if r == nil || r.Key.URI != p.Model().URI {
		return nil, false
	}
	return r.Key.Tokens, true
}
