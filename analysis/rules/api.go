package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

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

// parameters lists every channel parameter written in place in this
// document, each once: those of root and component channels and the
// component parameters.
func parameters(p *analysis.Pass) []*model.Parameter { return walked(p).parameters }

// messagesOf lists every message of this document's model, each
// definition once (see model.Messages), from the pass's one walk.
func messagesOf(p *analysis.Pass) []*model.Message { return walked(p).messages }

// itemOf is e as the rules' walks give an entry (see item): its value and
// path only when they are in this document.
func itemOf(p *analysis.Pass, e model.Element) item {
	c := e.Common()
	it := item{Name: c.Key, Key: c.KeyNode}
	if local(p, e) {
		it.Node, it.Path = c.Value, c.Loc.Pointer
	}
	switch {
	case c.Ref == nil:
		it.Raw = c.Value
	case c.Ref.At.URI == p.Model().URI:
		it.Raw = p.Find(c.Ref.At.Pointer...)
	}
	return it
}

// modelOf is the model's element of kind T whose value is n (nil when the
// model does not reach it): the rules that walk items for their positions
// read the object itself, traits applied, from the model.
func modelOf[T model.Element](p *analysis.Pass, n *syntax.Node) T {
	for _, e := range walked(p).byValue[n] {
		if x, ok := e.(T); ok {
			return x
		}
	}
	var none T
	return none
}

// walk is what one walk of the model gives the rules, once per pass.
type walk struct {
	byValue    map[*syntax.Node][]model.Element // the first element of each kind with that value
	parameters []*model.Parameter
	messages   []*model.Message
}

type walkKey struct{}

func walked(p *analysis.Pass) *walk {
	return p.Memo(walkKey{}, func() any {
		w := &walk{byValue: map[*syntax.Node][]model.Element{}}
		inPlaceParams := map[*syntax.Node]bool{}
		p.Model().Walk(func(e model.Element) bool {
			v := e.Common().Value
			if v == nil {
				return true
			}
			// A parameter counts where it is written, whichever use the
			// walk meets first.
			if prm, ok := e.(*model.Parameter); ok && inPlace(p, prm) && !inPlaceParams[v] {
				inPlaceParams[v] = true
				w.parameters = append(w.parameters, prm)
			}
			kinds := w.byValue[v]
			for _, k := range kinds {
				if k.Kind() == e.Kind() {
					return true
				}
			}
			w.byValue[v] = append(kinds, e)
			if msg, ok := e.(*model.Message); ok {
				w.messages = append(w.messages, msg)
			}
			return true
		})
		return w
	}).(*walk)
}
