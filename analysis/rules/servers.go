package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeServers,
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The document lists at least one server.",
		DocURL:      specURL("serversObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			s := p.Root.Get("servers").Resolve()
			if s == nil {
				return []analysis.Diagnostic{rootKey(p, "asyncapi", "Add servers so that users know where to connect.")}
			}
			if s.Kind == syntax.Mapping && len(s.Pairs) == 0 {
				return []analysis.Diagnostic{rootKey(p, "servers", "The servers map is empty.")}
			}
			return nil
		},
	})
}
