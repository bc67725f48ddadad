package rules

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func init() {
	register(analysis.Rule{
		Code:        "asyncapi-tags-uniqueness",
		Aliases:     []string{"asyncapi-3-tags-uniqueness", "asyncapi2-tags-uniqueness"},
		Severity:    analysis.SeverityError,
		Versions:    analysis.AllVersions,
		Parser:      &analysis.Enforcement{Versions: analysis.V2, Only: "tags of the document, operations, messages and their traits, not of servers"},
		Description: "No tags list names the same tag twice.",
		DocURL:      specURL("tagsObject"),
		Check: func(p *analysis.Pass) []analysis.Diagnostic {
			var out []analysis.Diagnostic
			lists := map[string]bool{} // each list once, where it is written
			check := func(tags []*model.Tag, beyond bool) {
				if len(tags) == 0 || lists[pointer(writtenPath(tags[0]))] {
					return
				}
				lists[pointer(writtenPath(tags[0]))] = true
				first := map[string]*syntax.Node{}
				for _, tag := range tags {
					name := tag.Name
					if !local(p, tag) || name.Value == "" {
						continue
					}
					if prev := first[name.Value]; prev != nil {
						d := at(name.Node, "The tag "+quote(name.Value)+" is already in this list; tag names must be unique.")
						d.Related = []analysis.Related{{Start: prev.Start, End: prev.End, Message: "first use"}}
						d.BeyondParser = beyond
						out = append(out, d)
						continue
					}
					first[name.Value] = name.Node
				}
			}
			check(p.Model().Tags, false)
			for _, e := range definitions[model.Element](p) {
				_, server := e.(*model.Server) // the parser leaves the tags of servers alone
				check(tagsOf(e), server)
			}
			return out
		},
	})
}

// tagsOf returns the tags of an element that has them.
func tagsOf(e model.Element) []*model.Tag {
	switch x := e.(type) {
	case *model.Server:
		return x.Tags
	case *model.Channel:
		return x.Tags
	case *model.Operation:
		return x.Tags
	case *model.OperationTrait:
		return x.Tags
	case *model.Message:
		return x.Tags
	case *model.MessageTrait:
		return x.Tags
	}
	return nil
}
