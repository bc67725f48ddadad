package hover

import (
	"strconv"

	"asyncapi-ls/analysis/syntax"
)

// anchorHover answers on a YAML anchor or alias: an alias shows the value
// its anchor marks, an anchor how many aliases use it. ok is false when the
// offset is on neither.
func anchorHover(req Request) (Result, bool) {
	if req.Format != syntax.YAML || !syntax.NearMark(req.Text, req.Offset) {
		return Result{}, false
	}
	marks := syntax.AnchorMarks(req.Text, syntax.YAML)
	m, ok := syntax.MarkAt(marks, req.Offset)
	if !ok {
		return Result{}, false
	}
	if !m.Alias {
		n := 0
		for _, other := range marks {
			if a, ok := syntax.AnchorFor(marks, other.Name, other.Start); other.Alias && ok && a.Start == m.Start {
				n++
			}
		}
		uses := strconv.Itoa(n) + " aliases use it."
		switch n {
		case 0:
			uses = "No alias uses it."
		case 1:
			uses = "1 alias uses it."
		}
		return Result{Markdown: "**Anchor `&" + m.Name + "`**\n\n" + uses, Start: m.Start, End: m.End}, true
	}
	a, ok := syntax.AnchorFor(marks, m.Name, m.Start)
	if !ok {
		return Result{Markdown: "**Alias `*" + m.Name + "`**\n\nNo anchor `&" + m.Name + "` is defined before it: an alias must follow its anchor.", Start: m.Start, End: m.End}, true
	}
	line, snippet := syntax.AnchoredText(req.Text, a, previewLines)
	return Result{Markdown: "**Alias `*" + m.Name + "`** of the anchor at line " + strconv.Itoa(line+1) + ":\n\n```yaml\n" + snippet + "\n```",
		Start: m.Start, End: m.End}, true
}
