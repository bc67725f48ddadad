package navigate

import (
	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// Fold is a foldable region from the line holding Start to the line
// holding End; Comment marks a run of comment lines.
type Fold struct {
	Start, End int
	Comment    bool
}

// FoldingRanges returns a region for every block that spans lines (a
// key with its mapping, sequence or multi-line scalar, a sequence item) and
// every run of two or more comment lines.
func FoldingRanges(doc *analysis.Document) []Fold {
	var out []Fold
	m := doc.Mapper
	add := func(start, end int, comment bool) {
		if end > start && m.LineOf(end) > m.LineOf(start) {
			out = append(out, Fold{Start: start, End: end, Comment: comment})
		}
	}
	var walk func(n *syntax.Node, depth int)
	walk = func(n *syntax.Node, depth int) {
		if n == nil || depth > 256 {
			return
		}
		switch n.Kind {
		case syntax.Mapping:
			for _, p := range n.Pairs {
				add(p.Key.Start, p.Value.End, false)
				walk(p.Value, depth+1)
			}
		case syntax.Sequence:
			for _, it := range n.Items {
				add(it.Start, it.End, false)
				walk(it, depth+1)
			}
		}
	}
	walk(doc.Root(), 0)
	if doc.File().Format == syntax.YAML {
		out = append(out, commentRuns(doc)...)
	}
	return out
}

// commentRuns finds runs of lines that hold only a comment.
func commentRuns(doc *analysis.Document) []Fold {
	var out []Fold
	text := doc.Text
	runStart, runEnd, count := -1, -1, 0
	flush := func() {
		if count >= 2 {
			out = append(out, Fold{Start: runStart, End: runEnd, Comment: true})
		}
		runStart, count = -1, 0
	}
	for lineStart := 0; lineStart < len(text); {
		lineEnd := lineStart
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		i := lineStart
		for i < lineEnd && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i < lineEnd && text[i] == '#' {
			if count == 0 {
				runStart = i
			}
			runEnd = lineEnd
			if runEnd > runStart && text[runEnd-1] == '\r' {
				runEnd--
			}
			count++
		} else {
			flush()
		}
		lineStart = lineEnd + 1
	}
	flush()
	return out
}
