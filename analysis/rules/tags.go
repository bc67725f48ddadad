package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        CodeTags,
		Aliases:     []string{"asyncapi-3-tags", "asyncapi2-tags"},
		Severity:    analysis.SeverityWarning,
		Versions:    analysis.AllVersions,
		Description: "The document has tags (root tags in 2.x, info.tags in 3.x) to group its operations.",
		DocURL:      specURL("tagsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			parent, where := documentTags(p)
			if parent == nil {
				return nil
			}
			if tags := parent.Get("tags").Resolve(); tags != nil && (tags.Kind != syntax.Sequence || len(tags.Items) > 0) {
				return nil
			}
			if parent.Get("tags") != nil {
				return []analysis.Diagnostic{keyAt(parent, "tags", "The tags list is empty.")}
			}
			msg := "Add tags to info to group and describe the API."
			if !p.IsV3() {
				msg = "Add root tags to group and describe the API."
			}
			return []analysis.Diagnostic{rootKey(p, where, msg)}
		},
	})
}

// documentTags returns the object holding the document-level tags: the root
// in 2.x, info in 3.x, and the root key to report on when they are absent.
func documentTags(p *analysis.Pass) (*syntax.Node, string) {
	if p.IsV3() {
		info := p.Model().Info
		if info == nil || !inPlace(p, info) || !isMapping(info.Value) {
			return nil, ""
		}
		return info.Value, "info"
	}
	return p.Root, "asyncapi"
}
