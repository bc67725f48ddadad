package convert

import (
	"errors"
	"strings"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// The conversion rewrites this document only. An object that a $ref brings
// from another file keeps its 2.x form there; when 3.0 wants it otherwise,
// a note says what must change in that file.

// objectKind is what a reference is expected to lead to.
type objectKind uint8

const (
	serverObject objectKind = iota
	channelObject
	messageObject
	parameterObject
	securitySchemeObject
	operationTraitObject
	messageTraitObject
)

// external checks the object the reference object ref (a mapping with
// "$ref") leads to, when it lies in another file, and notes what 3.0 wants
// changed in it.
func (r *run) external(ref *node, kind objectKind, path []string) {
	value := ref.get("$ref").str()
	if r.opts.Resolver == nil || value == "" || strings.HasPrefix(value, "#") {
		return
	}
	uri, target, err := r.follow(value)
	if err != nil || target == nil {
		return // an unresolved reference is the checker's business
	}
	var must []string
	has := func(keys ...string) []string {
		var out []string
		for _, k := range keys {
			if target.Entry(k) != nil {
				out = append(out, k)
			}
		}
		return out
	}
	switch kind {
	case serverObject:
		if target.Entry("url") != nil {
			must = append(must, "url becomes host (and pathname)")
		}
	case channelObject:
		if ops := has("publish", "subscribe"); len(ops) > 0 {
			verb := " moves"
			if len(ops) > 1 {
				verb = " move"
			}
			must = append(must, strings.Join(ops, " and ")+verb+" out of the channel into operations of this document, its messages into the channel's messages")
		}
		if parametersWithSchema(target.Get("parameters")) {
			must = append(must, "its parameters lose their schema")
		}
		if s := target.Get("servers").Resolve(); s != nil && s.Kind == syntax.Sequence && len(s.Items) > 0 && s.Items[0].Kind == syntax.Scalar {
			must = append(must, "its servers become references")
		}
		if target.Entry("address") == nil {
			must = append(must, "it needs an address")
		}
	case messageObject:
		if target.Entry("messageId") != nil {
			must = append(must, "messageId goes (the key of the message names it)")
		}
		if target.Entry("schemaFormat") != nil {
			must = append(must, "schemaFormat moves into the payload, beside the payload's schema")
		}
	case parameterObject:
		if target.Entry("schema") != nil {
			must = append(must, "schema gives way to enum, default and examples")
		}
	case securitySchemeObject:
		if flows := target.Get("flows").Resolve(); flows != nil && flows.Kind == syntax.Mapping {
			for _, f := range flows.Pairs {
				if f.Value.Get("scopes") != nil {
					must = append(must, "the scopes of its flows are called availableScopes")
					break
				}
			}
		}
	case operationTraitObject:
		if target.Entry("operationId") != nil {
			must = append(must, "operationId goes")
		}
	case messageTraitObject:
		if target.Entry("messageId") != nil {
			must = append(must, "messageId goes")
		}
	}
	if len(must) == 0 {
		return
	}
	file := uri
	if rel := refs.Relative(refs.CanonicalURI(r.doc.URI), uri); rel != "" {
		file = rel
	}
	r.note(ref.get("$ref"), path, "leads to "+file+", which the conversion does not rewrite; for 3.0 it must change there: "+strings.Join(must, "; ")+".")
}

// parametersWithSchema reports a parameters map with a 2.x parameter.
func parametersWithSchema(params *syntax.Node) bool {
	for _, p := range params.PairsOrNil() {
		if p.Value.Get("schema") != nil {
			return true
		}
	}
	return false
}

// follow loads the object a reference leads to, through references, and
// the URI of the file that holds it.
func (r *run) follow(value string) (string, *syntax.Node, error) {
	load := func(uri string) (*syntax.Node, error) {
		d, err := r.opts.Resolver.Load(uri)
		if err != nil {
			return nil, err
		}
		return d.Root(), nil
	}
	base := r.doc.URI
	for hops := 0; hops < 16; hops++ {
		key, err := refs.Resolve(base, value)
		if err != nil {
			return "", nil, err
		}
		t, err := refs.Lookup(load, key)
		if err != nil {
			return "", nil, err
		}
		n := t.Value.Resolve()
		next := n.Get("$ref").String()
		if n == nil || n.Kind != syntax.Mapping || next == "" {
			return t.URI, n, nil
		}
		base, value = t.URI, next
	}
	return "", nil, errors.New("too many references")
}
