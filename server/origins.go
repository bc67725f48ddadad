package server

import (
	"maps"
	"slices"

	"asyncapi-ls/analysis"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// shownDiagnostics keeps what each open document shows: the findings of its
// own analysis, and the problems other documents found in content they
// bring in from it through a "$ref" (analysis.Diagnostic.Origin). A
// document's diagnostics are published as one list, so a change on either
// side publishes both again.
type shownDiagnostics struct {
	own     map[uri.URI]shownOwn
	foreign map[uri.URI]map[uri.URI][]protocol.Diagnostic // target → source → diagnostics in target
}

type shownOwn struct {
	version *int32
	diags   []protocol.Diagnostic
}

// originDiagnostics are the diagnostics that found (of doc) places in other
// open documents, by document.
func (s *Server) originDiagnostics(doc *analysis.Document, found []analysis.Diagnostic) map[uri.URI][]protocol.Diagnostic {
	var out map[uri.URI][]protocol.Diagnostic
	type place struct {
		uri        string
		start, end int
		message    string
	}
	seen := map[place]bool{} // content used at several places shows once
	for _, f := range found {
		if f.Origin == nil || f.Origin.URI == "" || f.Origin.URI == doc.URI {
			continue
		}
		if at := (place{f.Origin.URI, f.Origin.Start, f.Origin.End, f.Origin.Message}); seen[at] {
			continue
		} else {
			seen[at] = true
		}
		target := uri.URI(f.Origin.URI)
		other := s.docs.get(target)
		if other == nil {
			continue // shown only while that document is open
		}
		pd := protocol.Diagnostic{
			Range:    s.rangeOf(other.Mapper, f.Origin.Start, f.Origin.End),
			Severity: protocol.DiagnosticSeverity(f.Severity),
			Code:     protocol.String(f.Code),
			Source:   protocol.NewOptional("asyncapi"),
			Message:  protocol.String(f.Origin.Message),
			RelatedInformation: []protocol.DiagnosticRelatedInformation{{
				Location: protocol.Location{URI: uri.URI(doc.URI), Range: s.rangeOf(doc.Mapper, f.Start, f.End)},
				Message:  "the \"$ref\" that brings this in",
			}},
		}
		if f.DocURL != "" {
			pd.CodeDescription = protocol.CodeDescription{Href: uri.URI(f.DocURL)}
		}
		if out == nil {
			out = map[uri.URI][]protocol.Diagnostic{}
		}
		out[target] = append(out[target], pd)
	}
	return out
}

// setShown records the new findings of u (nil own for a closed document)
// and the diagnostics it places in other documents, then publishes u and
// every document whose foreign diagnostics from u changed.
func (d *diagnostics) setShown(u uri.URI, version *int32, own []protocol.Diagnostic, placed map[uri.URI][]protocol.Diagnostic) {
	d.mu.Lock()
	sh := &d.shown
	if sh.own == nil {
		sh.own, sh.foreign = map[uri.URI]shownOwn{}, map[uri.URI]map[uri.URI][]protocol.Diagnostic{}
	}
	var touched []uri.URI
	for target, bySource := range sh.foreign {
		if _, ok := bySource[u]; ok && placed[target] == nil {
			delete(bySource, u)
			touched = append(touched, target)
		}
	}
	for target, ds := range placed {
		if sh.foreign[target] == nil {
			sh.foreign[target] = map[uri.URI][]protocol.Diagnostic{}
		}
		sh.foreign[target][u] = ds
		touched = append(touched, target)
	}
	if own == nil {
		delete(sh.own, u)
		delete(sh.foreign, u)
	} else {
		sh.own[u] = shownOwn{version: version, diags: own}
		touched = append(touched, u)
	}
	type publication struct {
		u       uri.URI
		version *int32
		diags   []protocol.Diagnostic
	}
	var pubs []publication
	for _, t := range slices.Compact(sortedURIs(touched)) {
		o, open := sh.own[t]
		if !open && d.s.docs.get(t) == nil {
			continue
		}
		all := append([]protocol.Diagnostic{}, o.diags...)
		for _, src := range sortedURIs(slices.Collect(maps.Keys(sh.foreign[t]))) {
			all = append(all, sh.foreign[t][src]...)
		}
		pubs = append(pubs, publication{t, o.version, all})
	}
	d.mu.Unlock()
	for _, p := range pubs {
		d.publish(p.u, p.version, p.diags)
	}
}

func sortedURIs(us []uri.URI) []uri.URI {
	slices.Sort(us)
	return us
}
