package analysis

import (
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// structure validates the document against the official JSON Schema of its
// exact version and places each problem on the smallest right span.
func structure(p *Pass) []Diagnostic {
	if p.Version == "" {
		return nil
	}
	d, version := p.Doc, p.Version
	data, err := p.Data() // shared with the rules that read plain data
	if err != nil {
		return []Diagnostic{{Start: d.Root().Start, End: d.Root().Start, Severity: SeverityError, Code: CodeTooLarge, Message: err.Error() + "; structure checks were skipped."}}
	}
	problems, err := schemas.Validate(version, data)
	if err != nil {
		return []Diagnostic{{Start: d.Root().Start, End: d.Root().Start, Severity: SeverityError, Code: "schema-unavailable", Message: "The AsyncAPI schema could not be applied: " + err.Error()}}
	}
	out := make([]Diagnostic, 0, len(problems))
	for _, pr := range problems {
		out = append(out, ProblemDiagnostic(d.Root(), pr))
	}
	return V2Fields(p.Root, version, out)
}

// ProblemDiagnostic is the diagnostic of one schema problem, placed on the
// text of root as the structure check places it. analysis/incremental uses
// it for the problems of one section.
func ProblemDiagnostic(root *syntax.Node, pr schemas.Problem) Diagnostic {
	start, end := problemSpan(root, pr.Path, pr.OnKey)
	return Diagnostic{Start: start, End: end, Severity: SeverityError, Code: pr.Code, Message: pr.Message, DocURL: pr.DocURL, Suggestion: pr.Suggestion}
}

// problemSpan maps an instance path to text: a key when asked for, a scalar's
// own text, and for a block collection the key that introduces it (a whole
// mapping would underline half the file).
func problemSpan(root *syntax.Node, path []string, onKey bool) (int, int) {
	for len(path) > 0 && root.Find(path...) == nil && !onKey {
		path = path[:len(path)-1]
	}
	if len(path) == 0 {
		if k := root.Entry("asyncapi"); k != nil {
			return k.Key.Start, k.Key.End
		}
		return root.Start, root.Start
	}
	pair := root.FindPair(path...)
	if onKey && pair != nil {
		return pair.Key.Start, pair.Key.End
	}
	n := root.Find(path...)
	if n == nil {
		return problemSpan(root, path[:len(path)-1], false)
	}
	if r := n.Resolve(); r != nil && (r.Kind == syntax.Scalar || r.Flow) || pair == nil {
		if n.End > n.Start {
			return n.Start, n.End
		}
	}
	if pair != nil {
		return pair.Key.Start, pair.Key.End
	}
	return n.Start, n.Start
}
