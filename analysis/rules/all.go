package rules

import (
	"slices"
	"strings"

	"asyncapi-ls/analysis"
)

// registry is filled by the rule files' init functions, one rule per file.
var registry []analysis.Rule

func register(r analysis.Rule) { registry = append(registry, r) }

// All returns every rule, sorted by code. The slice is fresh; callers may
// keep it.
func All() []analysis.Rule {
	out := slices.Clone(registry)
	slices.SortFunc(out, func(a, b analysis.Rule) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// specURL links a section of the newest specification.
func specURL(anchor string) string {
	return "https://www.asyncapi.com/docs/reference/specification/v3.1.0#" + anchor
}
