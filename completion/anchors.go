package completion

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// aliasing reports whether the token at the cursor is a YAML alias being
// typed ("*na").
func (st *state) aliasing() bool {
	return st.req.Format == syntax.YAML && st.ctx.Quote == 0 && strings.HasPrefix(st.ctx.Prefix, "*")
}

// aliasNames offers the anchors defined before the cursor for an alias; a
// name anchored twice refers to its latest anchor.
func (st *state) aliasNames() {
	marks := syntax.AnchorMarks(st.req.Text, syntax.YAML)
	latest := map[string]syntax.AnchorMark{}
	var order []string
	for _, m := range marks {
		if m.Alias || m.Start >= st.ctx.ReplaceStart {
			continue
		}
		if _, seen := latest[m.Name]; !seen {
			order = append(order, m.Name)
		}
		latest[m.Name] = m
	}
	for _, name := range order {
		a := latest[name]
		st.add(Item{Label: name, Kind: KindReference, Detail: "anchor", InsertText: "*" + name, FilterText: "*" + name,
			Documentation: anchoredPreview(st.req.Text, a), SortText: "0" + name})
	}
}

// anchoredPreview shows the lines an anchor marks.
func anchoredPreview(text []byte, a syntax.AnchorMark) string {
	line, snippet := syntax.AnchoredText(text, a, 8)
	return "Anchor `&" + a.Name + "` at line " + strconv.Itoa(line+1) + ":\n\n```yaml\n" + snippet + "\n```"
}
