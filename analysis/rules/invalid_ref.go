package rules

import (
	"net/url"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
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

// checkFileRef follows a reference to another file through the pass's
// resolver (none: not checked). Remote references are never fetched.
func checkFileRef(p *analysis.Pass, r reference) (analysis.Diagnostic, bool) {
	res := p.Options.Resolver
	if res == nil || strings.Contains(r.Ref.File, "://") && !strings.HasPrefix(r.Ref.File, "file://") {
		return analysis.Diagnostic{}, false
	}
	// A target that cannot be read or lacks the pointer is the engine's
	// unresolved-ref; this rule looks one step further.
	target, err := resolveURI(p.Doc.URI, r.Ref.File)
	if err != nil {
		return analysis.Diagnostic{}, false
	}
	doc, err := res.Load(target)
	if err != nil || doc.Root() == nil {
		return analysis.Diagnostic{}, false
	}
	if _, ok := analysis.ResolveLocal(doc.Root(), r.Ref.Pointer); !ok {
		return analysis.Diagnostic{}, false
	}
	if broken := brokenRefIn(res, doc, map[string]bool{target: true}); broken != "" {
		return at(r.Value, "The file "+quote(r.Ref.File)+" holds a reference that leads nowhere: "+broken+"."), true
	}
	return analysis.Diagnostic{}, false
}

// brokenRefIn finds the first reference of doc (or of a file it references,
// and so on) that cannot be followed, described in words; "" if none.
func brokenRefIn(res analysis.Resolver, doc *analysis.Document, visited map[string]bool) string {
	var found string
	var walk func(n *syntax.Node)
	walk = func(n *syntax.Node) {
		if n == nil || found != "" {
			return
		}
		for _, pair := range n.Pairs {
			if pair.Key.Value == "$ref" && pair.Value.Kind == syntax.Scalar {
				found = followOne(res, doc, pair.Value.Value, visited)
				continue
			}
			walk(pair.Value)
		}
		for _, it := range n.Items {
			walk(it)
		}
	}
	walk(doc.Root())
	return found
}

func followOne(res analysis.Resolver, doc *analysis.Document, value string, visited map[string]bool) string {
	ref, err := analysis.ParseRef(value)
	if err != nil {
		return quote(value) + " is not a valid reference"
	}
	target := doc
	if ref.File != "" {
		if strings.Contains(ref.File, "://") && !strings.HasPrefix(ref.File, "file://") {
			return "" // remote references are never fetched
		}
		uri, err := resolveURI(doc.URI, ref.File)
		if err != nil {
			return quote(value) + " is not a valid file location"
		}
		if target, err = res.Load(uri); err != nil {
			return quote(value) + " (" + err.Error() + ")"
		}
		if !visited[uri] {
			visited[uri] = true
			if broken := brokenRefIn(res, target, visited); broken != "" {
				return broken
			}
		}
	}
	if _, ok := analysis.ResolveLocal(target.Root(), ref.Pointer); !ok {
		return quote(value) + " (no such location)"
	}
	return ""
}

// resolveURI resolves a relative file reference against the document's URI.
func resolveURI(base, ref string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", err
	}
	return b.ResolveReference(u).String(), nil
}
