package rules_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
)

// TestValuesFromPartsMatchWhole runs the rules once as a whole analysis,
// which converts the whole document to data for the structure check and
// lets the value rules read it there, and once as analysis/incremental
// runs them (its own checks in place of the structure check), where the
// value rules convert only the schemas and examples they read. Both must
// find the same. The document has enough examples for the example checks
// to run in parallel parts, and schemas written with merge keys, aliases,
// and references that lead outside the schema sites.
func TestValuesFromPartsMatchWhole(t *testing.T) {
	for _, version := range []string{"2.6.0", "3.0.0"} {
		t.Run(version, func(t *testing.T) {
			d := analysis.NewDocument("file:///values.yaml", 1, []byte(manyExamples(version, 160)))
			whole := ruleFindings(analysis.Analyze(d, analysis.Options{Rules: rules.All()}))
			parts := ruleFindings(analysis.Analyze(d, analysis.Options{Rules: rules.All(),
				Checks: func(*analysis.Pass) []analysis.Diagnostic { return nil }}))
			if len(whole) < 160 {
				t.Fatalf("only %d value findings: the document no longer exercises the value rules", len(whole))
			}
			if !slices.Equal(whole, parts) {
				t.Errorf("findings differ:\nwhole: %d\nparts: %d\nfirst whole: %v\nfirst parts: %v", len(whole), len(parts), whole[:3], parts[:min(3, len(parts))])
			}
		})
	}
}

// ruleFindings are the value rules' findings, as comparable lines.
func ruleFindings(found []analysis.Diagnostic) []string {
	var out []string
	for _, f := range found {
		switch f.Code {
		case rules.CodeMessageExamples, rules.CodeSchemaDefault, rules.CodeSchemaExamples, rules.CodeSchemaConst:
			out = append(out, fmt.Sprintf("%d-%d %s %s", f.Start, f.End, f.Code, f.Message))
		}
	}
	slices.Sort(out)
	return out
}

// manyExamples is a document with n messages, each with an example that
// misses its payload schema and a header schema with a default that misses
// its type.
func manyExamples(version string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "asyncapi: %s\ninfo:\n  title: T\n  version: '1'\n", version)
	b.WriteString("x-defs:\n  count: &count {type: integer, minimum: 0, default: -1}\n")
	if strings.HasPrefix(version, "2.") {
		b.WriteString("channels:\n  c:\n    publish:\n      message:\n        oneOf:\n")
		for i := range n {
			fmt.Fprintf(&b, "          - $ref: '#/components/messages/m%d'\n", i)
		}
	} else {
		b.WriteString("channels:\n  c:\n    messages:\n")
		for i := range n {
			fmt.Fprintf(&b, "      m%d:\n        $ref: '#/components/messages/m%d'\n", i, i)
		}
	}
	b.WriteString("components:\n  schemas:\n    base: &base\n      type: object\n      required: [id]\n")
	b.WriteString("    amount:\n      type: number\n      default: none\n")
	b.WriteString("  messages:\n")
	for i := range n {
		fmt.Fprintf(&b, `    m%d:
      payload:
        <<: *base
        properties:
          id: {type: string}
          n: {$ref: '#/x-defs/count'}
          total: {$ref: '#/components/schemas/amount'}
          size: *count
      headers:
        type: object
        properties:
          h%d: {type: string, default: %d}
      examples:
        - payload: {id: %d, n: -%d, total: '%d'}
`, i, i, i, i, i+1, i)
	}
	return b.String()
}
