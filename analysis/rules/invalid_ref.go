package rules

import (
	"errors"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

func init() {
	register(analysis.Rule{
		Code:        "invalid-ref-indirect",
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.AllVersions}, // its reference resolution fails
		Description: "A reference to another file leads to a file whose own references can be followed too (the reference engine reports the direct ones as unresolved-ref).",
		DocURL:      specURL("referenceObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, r := range references(p) {
				if r.Err != nil || r.Ref.File == "" {
					continue
				}
				if d, bad := checkFileRef(p, r); bad {
					out = append(out, d)
				}
			}
			return out
		},
	})
}

// checkFileRef follows a reference to another file through the pass (no
// resolver: not checked). Remote references are never fetched.
func checkFileRef(p *analysis.Pass, r reference) (analysis.Diagnostic, bool) {
	if p.Options.Resolver == nil {
		return analysis.Diagnostic{}, false
	}
	// A target that cannot be read or lacks the pointer is the engine's
	// unresolved-ref; this rule looks one step further.
	key, err := refs.Resolve(p.Doc.URI, r.Value.Value)
	if err != nil || refs.IsRemote(key.URI) {
		return analysis.Diagnostic{}, false
	}
	if _, err := refs.Lookup(p.LoadRoot, key); err != nil {
		return analysis.Diagnostic{}, false
	}
	if broken := brokenRefIn(p, key.URI, map[string]bool{key.URI: true}); broken != "" {
		return at(r.Value, "The file "+quote(r.Ref.File)+" holds a reference that leads nowhere: "+broken+"."), true
	}
	return analysis.Diagnostic{}, false
}

// brokenRefIn finds the first reference of the document at uri (or of a
// file it references, and so on) that cannot be followed, described in
// words; "" if none.
func brokenRefIn(p *analysis.Pass, uri string, visited map[string]bool) string {
	root, err := p.LoadRoot(uri)
	if err != nil {
		return ""
	}
	for _, site := range refs.Collect(root) {
		if broken := followOne(p, uri, site.Value.Value, visited); broken != "" {
			return broken
		}
	}
	return ""
}

func followOne(p *analysis.Pass, base, value string, visited map[string]bool) string {
	key, err := refs.Resolve(base, value)
	switch {
	case errors.Is(err, refs.ErrUnsupported), errors.Is(err, refs.ErrEmpty):
		return "" // another scheme, or the whole document: nothing to say
	case err != nil:
		return quote(value) + " is not a valid reference"
	case refs.IsRemote(key.URI):
		return "" // remote references are never fetched
	}
	if key.URI != base {
		if _, err := p.Load(key.URI); err != nil {
			return quote(value) + " (" + err.Error() + ")"
		}
		if !visited[key.URI] {
			visited[key.URI] = true
			if broken := brokenRefIn(p, key.URI, visited); broken != "" {
				return broken
			}
		}
	}
	if _, err := refs.Lookup(p.LoadRoot, key); err != nil {
		return quote(value) + " (no such location)"
	}
	return ""
}
