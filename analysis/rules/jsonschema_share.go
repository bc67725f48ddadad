package rules

import (
	"context"
	"slices"
	"strconv"

	"asyncapi-ls/analysis/refs"
)

// How a schema set shares work: the schemas a rule uses go into one
// resource of the compiler, indexed at once, their references pointing at
// each other inside it.

// share puts the schemas at roots into one resource, under siteKey, and has
// the compiler index them in a few batches: the compiler copies a
// resource's index for every location compiled in it that it has not
// indexed yet, which would be quadratic one by one. For the same reason
// the copies' local "$ref"s are pointed at the copies: a reference to
// "#/components/schemas/X" would otherwise be a location outside the
// index, and cost a copy of it. Indexing validates each schema against the
// JSON Schema meta-schema, most of the work on a big document, so the run
// is given a chance to stop between batches (the schemas themselves are
// compiled when first used). If any schema is not a valid JSON Schema, the
// shared resource cannot be used and each schema gets its own (compile).
func (s *schemaSet) share(roots [][]string) {
	if len(roots) == 0 {
		return
	}
	values := make([]any, 0, len(roots))
	for _, path := range roots {
		if v, found := s.valueAt(path); found {
			s.shared[pointer(path)] = len(values)
			values = append(values, v)
		}
	}
	batches := make(map[string]any, len(values)/sharedBatch+1)
	anywhere := false
	for i, v := range values {
		b := strconv.Itoa(i / sharedBatch)
		if batches[b] == nil {
			batches[b] = map[string]any{"definitions": make(map[string]any, sharedBatch)}
		}
		batches[b].(map[string]any)["definitions"].(map[string]any)[strconv.Itoa(i)] = s.redirect(v, 0, &anywhere)
	}
	res := map[string]any{}
	if anywhere {
		// A reference leads outside the shared schemas: it resolves in the
		// document, as for the parser.
		top, err := s.values.whole()
		if err != nil {
			s.shared = nil
			return
		}
		res = make(map[string]any, len(top)+1)
		for k, x := range top {
			res[k] = x
		}
	}
	res[siteKey] = map[string]any{"definitions": batches}
	if s.c.AddResource(docURL, res) != nil {
		s.shared = nil
		return
	}
	for b := range len(batches) {
		if s.pass.Cancelled() {
			s.err = context.Canceled // the run is moot: nothing more is compiled
			return
		}
		if _, err := s.c.Compile(docURL + "#/" + siteKey + "/definitions/" + strconv.Itoa(b)); err != nil {
			s.shared = nil
			return
		}
	}
}

// sharedBatch is how many schemas the compiler indexes in one step: at
// 1,000 channels, about a tenth of a second of work in a dozen steps.
const sharedBatch = 128

// sharedLocation is the fragment of the i-th shared schema.
func sharedLocation(i int) string {
	return "#/" + siteKey + "/definitions/" + strconv.Itoa(i/sharedBatch) + "/definitions/" + strconv.Itoa(i)
}

// redirect copies a schema, pointing each local "$ref" that leads into a
// shared schema at its copy under siteKey; other values are shared, not
// copied. It sets anywhere when a local "$ref" stays as written (it leads
// elsewhere in the document, or nowhere), and past maxSchemaDepth.
func (s *schemaSet) redirect(v any, depth int, anywhere *bool) any {
	if depth > maxSchemaDepth {
		*anywhere = true
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = s.redirect(e, depth+1, anywhere)
		}
		if ref, isRef := x["$ref"].(string); isRef {
			if to, ok := s.sharedRef(ref); ok {
				out["$ref"] = to
			} else if r, err := refs.Parse(ref); err != nil || r.File == "" {
				*anywhere = true
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = s.redirect(e, depth+1, anywhere)
		}
		return out
	}
	return v
}

// maxSchemaDepth stops redirect on absurdly deep values (the parser's
// limits keep real documents far below).
const maxSchemaDepth = 512

// sharedRef rewrites a local reference to the shared copy of its target.
func (s *schemaSet) sharedRef(ref string) (string, bool) {
	r, err := refs.Parse(ref)
	if err != nil || r.File != "" || len(r.Pointer) == 0 {
		return "", false
	}
	path := r.Pointer
	if target, ok := s.refTarget(path); ok {
		path = target
	}
	for k := len(path); k > 0; k-- {
		if i, ok := s.shared[pointer(path[:k])]; ok {
			return sharedLocation(i) + pointer(path[k:]), true
		}
	}
	return "", false
}

// usedRoots narrows roots to those seed marks (the schemas a rule will
// compile) and every root they reference (a reference to a schema outside the
// shared resource would cost the compiler a copy of its index). Whatever
// is left out still compiles, on its own, if asked for.
func (s *schemaSet) usedRoots(roots [][]string, seed func(s *schemaSet, mark func(path []string))) [][]string {
	index := make(map[string]int, len(roots))
	for i, path := range roots {
		index[pointer(path)] = i
	}
	used := make([]bool, len(roots))
	var queue []int
	mark := func(path []string) {
		if target, ok := s.refTarget(path); ok {
			path = target
		}
		for k := len(path); k > 0; k-- {
			if i, ok := index[pointer(path[:k])]; ok {
				if !used[i] {
					used[i] = true
					queue = append(queue, i)
				}
				return
			}
		}
	}
	seed(s, mark)
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		v, _ := s.valueAt(roots[i])
		eachRef(v, func(ref string) {
			if r, err := refs.Parse(ref); err == nil && r.File == "" && len(r.Pointer) > 0 {
				mark(r.Pointer)
			}
		})
	}
	var out [][]string
	for i, path := range roots {
		if used[i] {
			out = append(out, path)
		}
	}
	return out
}

// valueKeywords hold values that the value rules check against a schema.
var valueKeywords = map[string]bool{"default": true, "const": true, "examples": true}

// eachRef calls fn with every "$ref" string inside v.
func eachRef(v any, fn func(string)) {
	eachMapping(v, 0, func(m map[string]any) bool {
		if ref, ok := m["$ref"].(string); ok {
			fn(ref)
		}
		return true
	})
}

// eachMapping calls fn with every mapping inside v, outer ones first, until
// fn returns false.
func eachMapping(v any, depth int, fn func(map[string]any) bool) bool {
	if depth > maxSchemaDepth {
		return true
	}
	switch x := v.(type) {
	case map[string]any:
		if !fn(x) {
			return false
		}
		for _, e := range x {
			if !eachMapping(e, depth+1, fn) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !eachMapping(e, depth+1, fn) {
				return false
			}
		}
	}
	return true
}

// refTarget is where a chain of "$ref"s inside the document leads from the
// schema at path (Pass.DerefPath); false when path holds no reference, or
// the chain leaves the document, is broken or loops (compiling the schema
// itself then says why).
func (s *schemaSet) refTarget(path []string) ([]string, bool) {
	n, target := s.pass.DerefPath(path)
	if n == nil || len(target) == 0 || slices.Equal(target, path) {
		return nil, false
	}
	return target, true
}
