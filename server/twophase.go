package server

import (
	"time"

	"asyncapi-ls/analysis"
)

// twoPhaseBytes is the size from which a document's diagnostics come in two
// steps: first syntax, structure and references (the part that follows the
// edit), then the semantic rules, whose cost grows with the document. Until
// the second step lands, the rule findings of the previous version stay in
// place, moved with the edit, so nothing flickers.
const twoPhaseBytes = 256 << 10

// rulesPause is how long typing must pause before the rules of a big
// document run.
const rulesPause = 300 * time.Millisecond

// ruleCarry keeps the rule findings of the last complete run of a document,
// with the text they were computed on.
type ruleCarry struct {
	text  []byte
	docID uint64 // the version of text (analysis.Document.ID)
	found []analysis.Diagnostic
}

// ruleCodes is the set of codes that opts' rules produce.
func ruleCodes(opts analysis.Options) map[string]bool {
	codes := make(map[string]bool, len(opts.Rules))
	for _, r := range opts.Rules {
		codes[r.Code] = true
	}
	return codes
}

// split separates rule findings from the rest.
func split(found []analysis.Diagnostic, codes map[string]bool) (rules, rest []analysis.Diagnostic) {
	for _, f := range found {
		if codes[f.Code] {
			rules = append(rules, f)
		} else {
			rest = append(rest, f)
		}
	}
	return rules, rest
}

// carried moves the previous rule findings onto text: those before the
// edited region keep their offsets, those after it shift with it, and those
// inside it are dropped until the rules run again. The edits since say what
// they changed, or else the texts are compared.
func (c *ruleCarry) carried(doc *analysis.Document) []analysis.Diagnostic {
	if c == nil {
		return nil
	}
	old, text := c.text, doc.Text
	same := doc.Unchanged(c.docID, old)
	prefix := same.Prefix
	oldEnd := len(old) - same.Suffix // the edit replaced old[prefix:oldEnd]
	delta := len(text) - len(old)
	var out []analysis.Diagnostic
	for _, f := range c.found {
		switch {
		case f.End <= prefix:
			out = append(out, f)
		case f.Start >= oldEnd:
			f.Start += delta
			f.End += delta
			out = append(out, f)
		}
	}
	return out
}
