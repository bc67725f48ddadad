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
		Parser:      &analysis.Enforcement{Versions: analysis.AllVersions, Only: "channels written under the root channels"},
		Description: "The servers a channel lists are servers of the root servers map (3.x: references into #/servers/).",
		DocURL:      specURL("channelObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			root := p.Root.Get("servers")
			for _, ch := range channels(p) {
				if !sameDoc(ch) {
					continue
				}
				// The parser checks the channels written under the root channels.
				beyond := len(ch.Path) == 0 || ch.Path[0] != "channels"
				for _, s := range seq(ch.Node.Get("servers")) {
					if !p.IsV3() {
						if name := s.String(); name != "" && root.Entry(name) == nil {
							d := at(s, "No server "+quote(name)+" is defined in the root servers.")
							d.BeyondParser = beyond
							out = append(out, d)
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
						d := at(ref, "A channel's servers must be references to root servers (#/servers/…), not to "+quote(strings.TrimPrefix(ref.String(), "#"))+".")
						d.BeyondParser = beyond || strings.Contains(ref.String(), "#/servers/")
						out = append(out, d)
					}
				}
			}
			return out
		},
	})
}
