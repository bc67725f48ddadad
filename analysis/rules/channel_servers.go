package rules

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-channel-servers",
		Aliases:     []string{"asyncapi-3-channel-servers", "asyncapi2-channel-servers", "asyncapi3-channel-servers", "asyncapi3-required-channel-servers-unambiguity"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Description: "The servers a channel lists are servers of the root servers map (3.x: references into #/servers/).",
		DocURL:      specURL("channelObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			root := p.Root.Get("servers")
			for _, ch := range channels(p) {
				if !sameDoc(ch) {
					continue
				}
				for _, s := range seq(ch.Node.Get("servers")) {
					if !p.IsV3() {
						if name := s.String(); name != "" && root.Entry(name) == nil {
							out = append(out, at(s, "No server "+quote(name)+" is defined in the root servers."))
						}
						continue
					}
					ref := s.Get("$ref")
					if ref == nil {
						continue // the structure check asks for a reference
					}
					r, err := refs.Parse(ref.String())
					if err != nil || r.File != "" {
						continue
					}
					if len(r.Pointer) != 2 || r.Pointer[0] != "servers" {
						out = append(out, at(ref, "A channel's servers must be references to root servers (#/servers/…), not to "+quote(strings.TrimPrefix(ref.String(), "#"))+"."))
					}
				}
			}
			return out
		},
	})
}
