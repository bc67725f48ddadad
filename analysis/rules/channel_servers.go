package rules

import (
	"errors"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
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
			self := p.Model().URI
			for _, ch := range channels(p) {
				if !inPlace(p, ch) {
					continue
				}
				// The parser checks the channels written under the root channels.
				beyond := ch.Loc.Pointer[0] != "channels"
				for _, s := range ch.Servers {
					// 2.x names root servers; the model records a name that
					// names none.
					if nameErr := (*model.NameError)(nil); errors.As(s.Problem, &nameErr) && s.Key != "" {
						d := at(s.KeyNode, "No server "+quote(s.Key)+" is defined in the root servers.")
						d.BeyondParser = beyond
						out = append(out, d)
						continue
					}
					// 3.x refers to servers: to root servers only. (A server
					// written in place is for the structure check.)
					r := s.Ref
					if r == nil || r.Key.URI != self {
						continue
					}
					if len(r.Key.Tokens) != 2 || r.Key.Tokens[0] != "servers" {
						d := at(r.Node, "A channel's servers must be references to root servers (#/servers/…), not to "+quote(strings.TrimPrefix(r.Node.String(), "#"))+".")
						d.BeyondParser = beyond || strings.Contains(r.Node.String(), "#/servers/")
						out = append(out, d)
					}
				}
			}
			return out
		},
	})
}
