package rules

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

// jsonSchemaRoots lists every schema written in the document whose format
// is JSON Schema: message and trait payloads and headers, component
// schemas, and 2.x parameter schemas. Paths point at the schema itself.
func jsonSchemaRoots(p *analysis.Pass) [][]string {
	return p.Memo(rootsKey{}, func() any {
		var out [][]string
		seen := map[string]bool{}
		add := func(path []string) {
			n := p.Find(path...)
			if n == nil || n.Get("$ref") != nil || seen[pointer(path)] { // "$ref" in a schema: no model element
				return // a reference is checked where it leads
			}
			seen[pointer(path)] = true
			out = append(out, path)
		}
		for _, s := range schemaSites(p) {
			if k, _ := classify(s.Format); k == formatJSONSchema {
				add(s.Path)
			}
		}
		if c := p.Model().Components; c != nil {
			for _, sch := range c.Schemas {
				if !inPlace(p, sch) {
					continue // a reference is checked where it leads
				}
				path := slices.Clip(sch.Loc.Pointer)
				if sch.Schema != nil { // a multi-format schema object
					if k, _ := classify(sch.Format.Value); k != formatJSONSchema {
						continue
					}
					path = writtenPath(sch.Schema)
				}
				add(path)
			}
		}
		if !p.IsV3() { // a 3.x parameter's schema is a 2.x habit, reported as such elsewhere
			for _, prm := range definitions[*model.Parameter](p) {
				if prm.Schema != nil {
					add(writtenPath(prm.Schema))
				}
			}
		}
		return out
	}).([][]string)
}

type rootsKey struct{}

// schemaKeywords hold subschemas: a single one, a list, or a map of them.
var (
	singleSub = []string{"items", "additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else"}
	listSub   = []string{"allOf", "anyOf", "oneOf", "items"}
	mapSub    = []string{"properties", "patternProperties", "definitions", "$defs", "dependencies"}
)

// walkSchema calls fn for every subschema of the schema at path (itself
// included), by path; references are not followed.
func walkSchema(p *analysis.Pass, path []string, fn func(path []string, n *syntax.Node)) {
	var walk func(path []string, n *syntax.Node, depth int)
	walk = func(path []string, n *syntax.Node, depth int) {
		n = n.Resolve()
		if n == nil || n.Kind != syntax.Mapping || depth > 64 {
			return
		}
		fn(path, n)
		sub := func(extra ...string) []string { return append(append([]string(nil), path...), extra...) }
		for _, k := range singleSub {
			if c := n.Get(k); isMapping(c) {
				walk(sub(k), c, depth+1)
			}
		}
		for _, k := range listSub {
			for i, c := range seq(n.Get(k)) {
				walk(sub(k, itoa(i)), c, depth+1)
			}
		}
		for _, k := range mapSub {
			if m := n.Get(k).Resolve(); m != nil && m.Kind == syntax.Mapping {
				for _, pair := range m.Pairs {
					walk(sub(k, pair.Key.Value), pair.Value, depth+1)
				}
			}
		}
	}
	walk(path, p.Find(path...), 0)
}

// checkKeyword validates the value of keyword (default, const, or each of
// examples) of every subschema against that subschema.
func checkKeyword(p *analysis.Pass, keyword string) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	set := schemasOf(p)
	for _, root := range jsonSchemaRoots(p) {
		walkSchema(p, root, func(path []string, n *syntax.Node) {
			v := n.Get(keyword)
			if v == nil || p.Cancelled() {
				return
			}
			at := append(append([]string(nil), path...), keyword)
			var values [][]string
			if keyword == "examples" {
				for i := range seq(v) {
					values = append(values, append(append([]string(nil), at...), itoa(i)))
				}
			} else {
				values = [][]string{at}
			}
			what := "The " + keyword + " value"
			if keyword == "examples" {
				what = "The example"
			}
			for _, vp := range values {
				vs, ok := set.validate(path, vp)
				if !ok {
					return
				}
				found := report(p, vp, what, stripPrefix(vs))
				checked := parserChecksKeyword(p, root, vp)
				for i := range found {
					if len(path) != len(root) {
						// JSON Schema only recommends that nested defaults and
						// examples fit; the parser checks the top level alone.
						found[i].Severity = analysis.SeverityWarning
						continue
					}
					found[i].BeyondParser = !checked
				}
				out = append(out, found...)
			}
		})
	}
	return out
}

// schemaKeywordChecked says which defaults and examples the official parser
// checks (asyncapi2-schema-default and asyncapi2-schema-examples).
const schemaKeywordChecked = "those at the top of component schemas, parameter schemas and payloads of messages without schemaFormat (not of messages in oneOf or of traits written in a message), when the value is not a string"

// parserChecksKeyword reports whether the official parser checks the value
// at path value of the schema at root (see schemaKeywordChecked).
func parserChecksKeyword(p *analysis.Pass, root, value []string) bool {
	if v := p.Find(value...).Resolve(); v == nil || v.Kind == syntax.Scalar && v.Tag() == "!!str" {
		return false // the parser drops what it finds about a string
	}
	switch last := root[len(root)-1]; {
	case len(root) == 3 && root[0] == "components" && root[1] == "schemas", last == "schema":
		return true
	case last == "payload":
		msg := root[:len(root)-1]
		listed := msg[len(msg)-1] == "message" ||
			len(msg) == 3 && msg[0] == "components" && (msg[1] == "messages" || msg[1] == "messageTraits")
		site, ok := schemaSiteAt(p, root)
		return listed && ok && site.FormatNode == nil
	}
	return false
}

// stripPrefix leaves violations as they are; a hook for messages that name
// the document's internal URL.
func stripPrefix(vs []violation) []violation {
	for i := range vs {
		vs[i].Message = strings.ReplaceAll(vs[i].Message, docURL+"#", "#")
	}
	return vs
}
