package fix

import (
	"slices"
	"strconv"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
)

// Edit replaces the bytes [Start, End) of the document with Text.
type Edit = source.Edit

// Fix is one way to resolve a diagnostic.
type Fix struct {
	Title string
	Edits []Edit
	// Safe fixes do what the author surely meant; "fix all" applies only
	// those.
	Safe bool
}

// maker computes the fixes of one diagnostic code.
type maker func(doc *analysis.Document, d analysis.Diagnostic) []Fix

// makers maps diagnostic codes to their fixes, each in its own file, keyed by
// the exported codes (rules.Code…, analysis.Code…, schemas kinds' Code()):
// TestMakersKeyedByRegisteredCodes checks every key is a code diagnostics carry.
var makers = map[string]maker{}

// For returns the fixes of a diagnostic of doc.
func For(doc *analysis.Document, d analysis.Diagnostic) []Fix {
	m := makers[d.Code]
	if m == nil || doc.Root() == nil {
		return nil
	}
	return m(doc, d)
}

// All returns the edits of every safe fix of ds, leaving out fixes whose
// edits overlap an earlier one's; apply them together.
func All(doc *analysis.Document, ds []analysis.Diagnostic) []Edit {
	var out []Edit
	for _, d := range ds {
		for _, f := range For(doc, d) {
			if !f.Safe || overlaps(out, f.Edits) {
				continue
			}
			out = append(out, f.Edits...)
			break
		}
	}
	slices.SortFunc(out, func(a, b Edit) int { return a.Start - b.Start })
	return out
}

func overlaps(have, edits []Edit) bool {
	for _, e := range edits {
		for _, h := range have {
			if e.Start < h.End && h.Start < e.End || e.Start == h.Start {
				return true
			}
		}
	}
	return false
}

// Apply returns text with edits applied (edits sorted, not overlapping).
func Apply(text []byte, edits []Edit) []byte {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b Edit) int { return a.Start - b.Start })
	var b strings.Builder
	last := 0
	for _, e := range sorted {
		b.Write(text[last:e.Start])
		b.WriteString(e.Text)
		last = e.End
	}
	b.Write(text[last:])
	return []byte(b.String())
}

// lineStart is the offset of the line holding offset.
func lineStart(text []byte, offset int) int {
	for offset > 0 && text[offset-1] != '\n' {
		offset--
	}
	return offset
}

// lineEnd is the offset just after the line end of the line holding offset.
func lineEnd(text []byte, offset int) int {
	for offset < len(text) && text[offset] != '\n' {
		offset++
	}
	if offset < len(text) {
		offset++
	}
	return offset
}

// column is the byte column of offset on its line.
func column(text []byte, offset int) int { return offset - lineStart(text, offset) }

// lastLineEnd is where a new entry goes after node n (the end of the line
// holding n's last byte, comments included).
func afterNode(text []byte, n *syntax.Node) int {
	end := n.End
	if end > 0 && end <= len(text) && text[end-1] == '\n' {
		return end
	}
	return lineEnd(text, max(end-1, 0))
}

// addEntry inserts "key: value" into a mapping: a new line for a block
// mapping, ", key: value" for a flow one. ok is false for other shapes.
func addEntry(doc *analysis.Document, m *syntax.Node, key, value string) (Edit, bool) {
	m = m.Resolve()
	if m == nil || m.Kind != syntax.Mapping {
		return Edit{}, false
	}
	text := doc.Text
	json := doc.File().Format == syntax.JSON
	if json {
		if !strings.HasPrefix(key, `"`) {
			key = strconv.Quote(key)
		}
		entry := key + ": " + jsonValue(value)
		if len(m.Pairs) == 0 {
			return Edit{Start: m.Start + 1, End: m.Start + 1, Text: entry}, true
		}
		last := m.Pairs[len(m.Pairs)-1].Value
		return Edit{Start: last.End, End: last.End, Text: ", " + entry}, true
	}
	if m.Flow || len(m.Pairs) == 0 {
		if m.Flow {
			entry := key + ": " + value
			if len(m.Pairs) > 0 {
				last := m.Pairs[len(m.Pairs)-1].Value
				return Edit{Start: last.End, End: last.End, Text: ", " + entry}, true
			}
			return Edit{Start: m.Start + 1, End: m.Start + 1, Text: entry}, true
		}
		return Edit{}, false
	}
	indent := strings.Repeat(" ", column(text, m.Pairs[0].Key.Start))
	at := afterNode(text, m.Pairs[len(m.Pairs)-1].Value)
	prefix := ""
	if at == len(text) && (len(text) == 0 || text[len(text)-1] != '\n') {
		prefix = "\n"
	}
	return Edit{Start: at, End: at, Text: prefix + indent + key + ": " + value + "\n"}, true
}

// jsonValue turns a YAML flow value of ours into JSON.
func jsonValue(v string) string {
	switch v {
	case "{}", "[]", `""`:
		return v
	}
	if strings.HasPrefix(v, "{") {
		return v
	}
	return strconv.Quote(strings.Trim(v, `'"`))
}

// quoteKey writes a mapping key, quoted when YAML would misread it.
func quoteKey(doc *analysis.Document, key string) string {
	if doc.File().Format == syntax.JSON || strings.ContainsAny(key, ":#{}[],&*!|>'\"%@` ") {
		return strconv.Quote(key)
	}
	return key
}

// mappingAt returns the mapping a diagnostic speaks about: the value of the
// key it sits on, or the mapping holding the scalar it sits on.
func mappingAt(root *syntax.Node, offset int) (*syntax.Node, []string) {
	loc := syntax.At(root, offset)
	if loc.OnKey {
		v := root.Find(loc.Path...)
		return v.Resolve(), loc.Path
	}
	if loc.Node != nil && loc.Node.Resolve() != nil && loc.Node.Resolve().Kind == syntax.Mapping {
		return loc.Node.Resolve(), loc.Path
	}
	if len(loc.Ancestors) > 0 {
		return loc.Ancestors[len(loc.Ancestors)-1].Resolve(), loc.Path[:max(len(loc.Path)-1, 0)]
	}
	return root, nil
}
