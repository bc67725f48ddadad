package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

// reference is one "$ref" of the document, taken apart.
type reference struct {
	refs.Site
	Ref refs.Ref
	Err error
}

type refsKey struct{}

// references lists every "$ref" of the document, once per pass.
func references(p *analysis.Pass) []reference {
	return p.Memo(refsKey{}, func() any {
		sites := p.Refs()
		out := make([]reference, len(sites))
		for i, s := range sites {
			r, err := refs.Parse(s.Value.Value)
			out[i] = reference{Site: s, Ref: r, Err: err}
		}
		return out
	}).([]reference)
}

// localTargets is the set of pointers local references name, as
// "/"-joined unescaped tokens, plus every prefix (a reference to a whole
// component map uses its entries).
func localTargets(p *analysis.Pass) map[string]bool {
	return p.Memo(targetsKey{}, func() any {
		set := map[string]bool{}
		for _, r := range references(p) {
			if r.Err != nil || r.Ref.File != "" {
				continue
			}
			for i := 1; i <= len(r.Ref.Pointer); i++ {
				set[strings.Join(r.Ref.Pointer[:i], "\x00")] = true
			}
		}
		return set
	}).(map[string]bool)
}

type targetsKey struct{}
