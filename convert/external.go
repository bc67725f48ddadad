package convert

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// The conversion rewrites this document only. An object that a $ref brings
// from another file keeps its 2.x form there; when 3.0 wants it otherwise,
// a note at the reference says what must change in that file. The API
// model tells which objects the document reaches in other files, through
// which reference, and what they hold.

// externalNotes notes the objects of other files that references written
// in this document lead to and that 3.0 wants changed.
func (r *run) externalNotes() {
	if r.opts.Resolver == nil {
		return
	}
	// Only a document with a reference to another file reaches objects
	// there: the others need no model.
	external := func(s refs.Site) bool { return !strings.HasPrefix(s.Value.Value, "#") }
	if !slices.ContainsFunc(refs.Collect(r.doc.Root()), external) {
		return
	}
	load := func(uri string) (*syntax.Node, error) {
		d, err := r.opts.Resolver.Load(uri)
		if err != nil {
			return nil, err
		}
		return d.Root(), nil
	}
	m := r.doc.Model(load)
	self := refs.CanonicalURI(r.doc.URI)
	noted := map[*syntax.Node]bool{}
	m.Walk(func(e model.Element) bool {
		b := e.Common()
		if b.Problem != nil || b.Loc.URI == self || b.Loc.URI == "" {
			return true
		}
		must := mustChange(m, e)
		if len(must) == 0 {
			return true
		}
		for _, ref := range m.ReferencesTo(e) {
			// The reference written here that leaves this file.
			if ref.At.URI != self || ref.Key.URI == self || ref.Node == nil || noted[ref.Node] {
				continue
			}
			noted[ref.Node] = true
			file := ref.Key.URI
			if rel := refs.Relative(self, file); rel != "" {
				file = rel
			}
			r.notes = append(r.notes, Note{Start: ref.Node.Start, End: ref.Node.End, Path: ref.At.Pointer,
				Message: "leads to " + file + ", which the conversion does not rewrite; for 3.0 it must change there: " + strings.Join(must, "; ") + "."})
		}
		return true
	})
}

// mustChange says what 3.0 wants changed in an object written in 2.x form.
func mustChange(m *model.Model, e model.Element) []string {
	var must []string
	switch x := e.(type) {
	case *model.Server:
		if x.URL.Node != nil {
			must = append(must, "url becomes host (and pathname)")
		}
	case *model.Channel:
		var verbs []string
		for _, op := range m.OperationsOf(x) {
			if op.Verb != "" {
				verbs = append(verbs, op.Verb)
			}
		}
		if len(verbs) > 0 {
			verb := " moves"
			if len(verbs) > 1 {
				verb = " move"
			}
			must = append(must, strings.Join(verbs, " and ")+verb+" out of the channel into operations of this document, its messages into the channel's messages")
		}
		for _, p := range x.Parameters {
			if p.Schema != nil {
				must = append(must, "its parameters lose their schema")
				break
			}
		}
		if x.Value.Get("address") == nil { // a 2.x channel's address is its key
			must = append(must, "it needs an address")
		}
	case *model.Message:
		must = append(must, messageFieldsToGo(x.MessageFields)...)
	case *model.Parameter:
		if x.Schema != nil {
			must = append(must, "schema gives way to enum, default and examples")
		}
	case *model.SecurityScheme:
		for _, f := range x.Flows {
			if f.Value.Get("scopes") != nil {
				must = append(must, "the scopes of its flows are called availableScopes")
				break
			}
		}
	case *model.OperationTrait:
		if x.OperationID.Node != nil {
			must = append(must, "operationId goes")
		}
	case *model.MessageTrait:
		if x.MessageID.Node != nil {
			must = append(must, "messageId goes")
		}
	}
	return must
}

// messageFieldsToGo says what of a 2.x message 3.0 has no place for.
func messageFieldsToGo(f model.MessageFields) []string {
	var must []string
	if f.MessageID.Node != nil {
		must = append(must, "messageId goes (the key of the message names it)")
	}
	if f.SchemaFormat.Node != nil {
		must = append(must, "schemaFormat moves into the payload, beside the payload's schema")
	}
	return must
}
