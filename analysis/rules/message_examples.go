package rules

import (
	"runtime"
	"slices"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-message-examples",
		Aliases:     []string{"asyncapi2-message-examples"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,                         // the specification requires it of 3.x examples too
		Parser:      &analysis.Enforcement{Versions: analysis.V2}, // asyncapi2-message-examples; 3.x has no such rule
		Description: "Message examples fit the message's payload and headers schemas.",
		DocURL:      specURL("messageExampleObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			parts := splitChecks(exampleChecks(p), runtime.GOMAXPROCS(0))
			found := make([][]analysis.Diagnostic, len(parts))
			panics := make([]any, len(parts))
			var wg sync.WaitGroup
			for i, part := range parts {
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer func() { panics[i] = recover() }()
					found[i] = checkExamples(p, part)
				}()
			}
			wg.Wait()
			var out []analysis.Diagnostic
			for i := range parts {
				if panics[i] != nil {
					panic(panics[i]) // where the rule engine recovers
				}
				out = append(out, found[i]...)
			}
			return out
		},
	})
}

// minChecksPerPart keeps small documents on one goroutine and one compiler.
const minChecksPerPart = 64

// splitChecks cuts the example checks into at most n runs of neighbours
// (neighbouring messages tend to share schemas), each with its own schema
// compiler: compiling is most of the work on big documents, and a compiler
// serves one goroutine.
func splitChecks(checks []exampleCheck, n int) [][]exampleCheck {
	n = max(1, min(n, len(checks)/minChecksPerPart))
	var parts [][]exampleCheck
	for i := range n {
		part := checks[i*len(checks)/n : (i+1)*len(checks)/n]
		if len(part) > 0 {
			parts = append(parts, part)
		}
	}
	return parts
}

// checkExamples validates each example of checks against its schema, with
// a schema set of the schemas they use.
func checkExamples(p *analysis.Pass, checks []exampleCheck) []analysis.Diagnostic {
	set := newSchemaSet(p, func(_ *schemaSet, mark func([]string)) {
		for _, ex := range checks {
			mark(ex.Schema)
		}
	})
	var out []analysis.Diagnostic
	for _, ex := range checks {
		if p.Cancelled() {
			return out
		}
		if vs, ok := set.validate(ex.Schema, ex.Value); ok {
			out = append(out, report(p, ex.Value, "The example "+ex.Field, vs)...)
		}
	}
	return out
}

// exampleCheck is one payload or headers of a message example, and the
// JSON Schema it must fit.
type exampleCheck struct {
	Schema, Value []string
	Field         string // payload or headers
}

type exampleChecksKey struct{}

// exampleChecks lists the example values of every message and message
// trait with the schema each must fit, once per pass (the schema set
// also reads it, to compile only what is used).
func exampleChecks(p *analysis.Pass) []exampleCheck {
	return p.Memo(exampleChecksKey{}, func() any {
		var out []exampleCheck
		add := func(examples []*model.MessageExample, sites map[string]schemaSite) {
			for _, ex := range examplesWritten(p, examples) {
				for _, field := range []string{"payload", "headers"} {
					site, ok := sites[field]
					if !ok || exampleValue(ex, field) == nil {
						continue
					}
					if k, _ := classify(site.Format); k != formatJSONSchema {
						continue
					}
					value := append(slices.Clip(ex.Loc.Pointer), field) // kept: no shared backing array
					out = append(out, exampleCheck{Schema: site.Path, Value: value, Field: field})
				}
			}
		}
		for _, m := range messages(p) {
			sites := map[string]schemaSite{}
			for _, field := range []string{"payload", "headers"} {
				if s, ok := messageSchema(p, m, field); ok {
					sites[field] = s
				} else if s, ok := traitSchema(p, m, field); ok {
					sites[field] = s
				}
			}
			add(m.Examples, sites)
		}
		for _, t := range messageTraits(p) {
			sites := map[string]schemaSite{}
			for _, field := range []string{"payload", "headers"} {
				if s, ok := messageSchema(p, t, field); ok {
					sites[field] = s
				}
			}
			add(t.Examples, sites)
		}
		return out
	}).([]exampleCheck)
}

// examplesWritten are the examples written in place in this document, as
// objects (an example is not a reference).
func examplesWritten(p *analysis.Pass, examples []*model.MessageExample) []*model.MessageExample {
	var out []*model.MessageExample
	for _, ex := range examples {
		if inPlace(p, ex) && isMapping(ex.Value) {
			out = append(out, ex)
		}
	}
	return out
}

// exampleValue is the payload or the headers of an example.
func exampleValue(ex *model.MessageExample, field string) *syntax.Node {
	if field == "payload" {
		return ex.Payload
	}
	return ex.Headers
}

// traitSchema finds payload or headers in a message's traits, the last
// trait winning, as when traits are applied.
func traitSchema(p *analysis.Pass, m *model.Message, field string) (schemaSite, bool) {
	var found schemaSite
	ok := false
	for _, t := range m.Traits {
		if s, has := messageSchema(p, t, field); has {
			found, ok = s, true
		}
	}
	return found, ok
}
