package model

import "asyncapi-ls/analysis/syntax"

// How traits apply, as the official parser does it:
//   - 2.x: each trait, in order, is merged over the object: a field a trait
//     gives replaces the object's (and an earlier trait's).
//   - 3.x: the traits are merged in order and the object last: the object's
//     own fields win, then the later traits.
// Merging is JSON Merge Patch (RFC 7386) field by field: objects merge key
// by key, anything else (lists included) replaces, null sets null.

// Applied returns the message with its traits applied: each field comes
// from the source that wins it (see above). A field that the message and a
// trait both give as an object is merged key by key by the parser; here it
// comes whole from the winner, and AppliedData gives the merged value. The
// result keeps the message's Base, Payload and Traits; without traits it is
// the message itself.
func (m *Message) Applied() *Message {
	if len(m.Traits) == 0 {
		return m
	}
	out := *m
	own := &MessageTrait{Base: m.Base, MessageFields: m.MessageFields}
	out.MessageFields = applyFields(m.v3, own, m.Traits, copyMessageField)
	return &out
}

// trait is a trait type, or an object seen as one (its own fields).
type trait[F any] interface {
	Common() *Base
	fields() *F
}

func (t *MessageTrait) fields() *MessageFields     { return &t.MessageFields }
func (t *OperationTrait) fields() *OperationFields { return &t.OperationFields }

// applyFields takes each field from the source that wins it.
func applyFields[F any, T trait[F]](v3 bool, own T, traits []T, copyField func(dst, src *F, key string)) F {
	var out F
	for _, src := range precedence(v3, own, traits) {
		for _, p := range src.Common().Value.PairsOrNil() {
			copyField(&out, src.fields(), p.Key.Value)
		}
	}
	return out
}

// precedence lists an object and its traits in the order they apply, the
// winner of a field last.
func precedence[T any](v3 bool, own T, traits []T) []T {
	out := make([]T, 0, len(traits)+1)
	if !v3 {
		out = append(out, own)
	}
	out = append(out, traits...)
	if v3 {
		out = append(out, own)
	}
	return out
}

func copyMessageField(dst, src *MessageFields, key string) {
	switch key {
	case "messageId":
		dst.MessageID = src.MessageID
	case "name":
		dst.Name = src.Name
	case "title":
		dst.Title = src.Title
	case "summary":
		dst.Summary = src.Summary
	case "description":
		dst.Description = src.Description
	case "contentType":
		dst.ContentType = src.ContentType
	case "schemaFormat":
		dst.SchemaFormat = src.SchemaFormat
	case "headers":
		dst.Headers = src.Headers
	case "correlationId":
		dst.CorrelationID = src.CorrelationID
	case "tags":
		dst.Tags = src.Tags
	case "externalDocs":
		dst.ExternalDocs = src.ExternalDocs
	case "bindings":
		dst.Bindings = src.Bindings
	case "examples":
		dst.Examples = src.Examples
	}
}

// Applied returns the operation with its traits applied, as
// Message.Applied does for messages.
func (o *Operation) Applied() *Operation {
	if len(o.Traits) == 0 {
		return o
	}
	out := *o
	own := &OperationTrait{Base: o.Base, OperationFields: o.OperationFields}
	out.OperationFields = applyFields(o.v3, own, o.Traits, copyOperationField)
	return &out
}

func copyOperationField(dst, src *OperationFields, key string) {
	switch key {
	case "operationId":
		dst.OperationID = src.OperationID
	case "title":
		dst.Title = src.Title
	case "summary":
		dst.Summary = src.Summary
	case "description":
		dst.Description = src.Description
	case "security":
		dst.Security = src.Security
	case "tags":
		dst.Tags = src.Tags
	case "externalDocs":
		dst.ExternalDocs = src.ExternalDocs
	case "bindings":
		dst.Bindings = src.Bindings
	}
}

// AppliedData is the message as plain data (see syntax.Node.Data) with its
// traits merged in as the parser merges them. References written directly
// as a field of the message or a trait (headers, correlationId, bindings,
// externalDocs, payload) are replaced by what they resolved to; references
// deeper inside stay as written.
func (m *Message) AppliedData() (map[string]any, error) {
	own := messageSource(&m.Base, &m.MessageFields, m.Payload)
	var traits []source
	for _, t := range m.Traits {
		traits = append(traits, messageSource(&t.Base, &t.MessageFields, nil))
	}
	return applyTraits(m.v3, own, traits)
}

// AppliedData is the operation as plain data with its traits merged in, as
// Message.AppliedData.
func (o *Operation) AppliedData() (map[string]any, error) {
	own := operationSource(&o.Base, &o.OperationFields)
	var traits []source
	for _, t := range o.Traits {
		traits = append(traits, operationSource(&t.Base, &t.OperationFields))
	}
	return applyTraits(o.v3, own, traits)
}

// source is an object's value with the resolved values of its fields that
// were references.
type source struct {
	value    *syntax.Node
	resolved map[string]*syntax.Node
}

func messageSource(b *Base, f *MessageFields, payload *Schema) source {
	return newSource(b, map[string]*Base{"headers": common(f.Headers), "correlationId": common(f.CorrelationID),
		"bindings": common(f.Bindings), "externalDocs": common(f.ExternalDocs), "payload": common(payload)})
}

func operationSource(b *Base, f *OperationFields) source {
	return newSource(b, map[string]*Base{"bindings": common(f.Bindings), "externalDocs": common(f.ExternalDocs)})
}

// newSource is the object b with the fields that were references replaced
// by what they resolved to.
func newSource(b *Base, fields map[string]*Base) source {
	s := source{value: b.Value, resolved: map[string]*syntax.Node{}}
	for key, e := range fields {
		if e != nil && e.Ref != nil && e.Value != nil {
			s.resolved[key] = e.Value
		}
	}
	return s
}

// common is e's Base, nil for a nil element.
func common[T any, P elementPtr[T]](e P) *Base {
	if e == nil {
		return nil
	}
	return e.Common()
}

// data converts a source to a plain mapping.
func (s source) data() (map[string]any, error) {
	out := map[string]any{}
	for _, p := range s.value.PairsOrNil() {
		n := p.Value
		if r := s.resolved[p.Key.Value]; r != nil {
			n = r
		}
		v, err := n.Data()
		if err != nil {
			return nil, err
		}
		out[p.Key.Value] = v
	}
	return out, nil
}

func applyTraits(v3 bool, own source, traits []source) (map[string]any, error) {
	out := map[string]any{}
	for _, src := range precedence(v3, own, traits) {
		d, err := src.data()
		if err != nil {
			return nil, err
		}
		for k, v := range d {
			out[k] = mergePatch(out[k], v)
		}
	}
	return out, nil
}

// mergePatch applies patch to target as RFC 7386 says.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	out := make(map[string]any, len(p)+len(t))
	if ok {
		for k, v := range t {
			out[k] = v
		}
	}
	for k, v := range p {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = mergePatch(out[k], v)
	}
	return out
}
