package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/payload"
)

func init() {
	register(analysis.Rule{
		Code:        CodeSchemaFormat,
		Severity:    analysis.SeverityWarning, // not an error: tools may support more formats (parser-js#1066)
		Versions:    analysis.AllVersions,
		Description: "A schemaFormat is one that tools know (AsyncAPI, JSON Schema, Avro, Protobuf, RAML or OpenAPI), spelt as the official parser knows it.",
		DocURL:      specURL("multiFormatSchemaObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			for _, site := range schemaSites(p) {
				if site.FormatNode == nil {
					continue
				}
				switch f, registered := payload.Classify(site.Format); {
				case f == payload.Unknown:
					out = append(out, at(site.FormatNode, "Unknown schemaFormat "+quote(site.Format)+": this schema cannot be checked, and tools may not understand it."))
				case !registered:
					d := at(site.FormatNode, "The official parser does not know the "+f.String()+" format by this spelling, so it does not check this schema; it knows: "+strings.Join(payload.Spellings(f), ", ")+".")
					if spellings := payload.Spellings(f); len(spellings) > 0 {
						d.Suggestion = spellings[0]
					}
					out = append(out, d)
				}
			}
			return out
		},
	})
}

// schemaSites lists the payload and headers schemas of every message and
// message trait, each location once.
func schemaSites(p *analysis.Pass) []schemaSite {
	return p.Memo(sitesKey{}, func() any { return findSchemaSites(p) }).([]schemaSite)
}

type sitesKey struct{}

// schemaSiteAt is the payload or headers schema written at path.
func schemaSiteAt(p *analysis.Pass, path []string) (schemaSite, bool) {
	byPath := p.Memo(sitesByPathKey{}, func() any {
		m := map[string]schemaSite{}
		for _, s := range schemaSites(p) {
			m[pointer(s.Path)] = s
		}
		return m
	}).(map[string]schemaSite)
	s, ok := byPath[pointer(path)]
	return s, ok
}

type sitesByPathKey struct{}

func findSchemaSites(p *analysis.Pass) []schemaSite {
	var out []schemaSite
	seen := map[string]bool{}
	add := func(e model.Element) {
		for _, field := range []string{"payload", "headers"} {
			if s, ok := messageSchema(p, e, field); ok && !seen[pointer(s.Path)] {
				seen[pointer(s.Path)] = true
				out = append(out, s)
			}
		}
	}
	for _, m := range messages(p) {
		add(m)
	}
	for _, t := range messageTraits(p) {
		add(t)
	}
	return out
}
