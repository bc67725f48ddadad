package completion

import (
	"bytes"
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// state is what every producer of items reads.
type state struct {
	req     Request
	ctx     syntax.Context
	version string
	items   []Item
	seen    map[string]bool
	capped  bool // more items exist than were listed
}

// Complete returns the items for req.
func Complete(req Request) Result {
	ctx := syntax.ContextAt(req.Text, req.Offset, req.Format)
	st := &state{req: req, ctx: ctx, version: analysis.VersionOf(req.Tree, req.Text), seen: map[string]bool{}}
	switch {
	case st.aliasing():
		st.aliasNames()
	case len(bytes.TrimSpace(req.Text)) == len(bytes.TrimSpace([]byte(ctx.Prefix))) && len(ctx.Path) == 0 && ctx.InKey:
		st.documentSkeletons()
	case !schemas.IsSupported(st.version):
		if len(ctx.Path) == 0 && !ctx.InKey && ctx.Key == "asyncapi" {
			st.versions()
		} else if len(ctx.Path) == 0 && ctx.InKey {
			st.add(Item{Label: "asyncapi", Kind: KindProperty, InsertText: st.keyInsert("asyncapi", schemas.ShapeScalar, nil, false), Detail: "the AsyncAPI version"})
		}
	case ctx.Key != "$ref" && st.avro(): // inside an Avro payload: its items are added
	case ctx.InKey && ctx.ItemStart && st.scalarItems():
		st.values(ctx.Path)
	case ctx.InKey:
		st.keys()
	case ctx.Key == "$ref":
		st.refs()
	default:
		st.values(ctx.ValuePath())
	}
	return st.result()
}

// scalarItems reports whether the sequence item at the cursor holds scalars
// (a 2.x channel's servers list) rather than mappings.
func (st *state) scalarItems() bool {
	m := st.model(st.ctx.Path)
	return m != nil && (m.Shape == schemas.ShapeScalar || (m.Shape == schemas.ShapeAny && len(m.Keys()) == 0 && len(m.Enum) > 0))
}

// model is the schema model at path, chosen with the document's own values.
func (st *state) model(path []string) *schemas.Model {
	return schemas.At(st.version, analysis.SpineData(st.req.Tree, path), path)
}

// valueModel is the model at path without the value being typed there: a
// half-written value must not steer the choice between alternatives.
func (st *state) valueModel(path []string) *schemas.Model {
	data := analysis.SpineData(st.req.Tree, path)
	if parent, ok := lookup(data, path[:len(path)-1]).(map[string]any); ok {
		delete(parent, path[len(path)-1])
	}
	return schemas.At(st.version, data, path)
}

func lookup(v any, path []string) any {
	for _, step := range path {
		m, ok := v.(map[string]any)
		if !ok {
			if l, isList := v.([]any); isList {
				i := 0
				for _, c := range step {
					i = i*10 + int(c-'0')
				}
				if i < 0 || i >= len(l) {
					return nil
				}
				v = l[i]
				continue
			}
			return nil
		}
		v = m[step]
	}
	return v
}

func (st *state) add(it Item) {
	key := it.Label + "\x00" + it.InsertText
	if st.seen[key] {
		return
	}
	st.seen[key] = true
	st.addUnique(it)
}

// addUnique adds an item no other producer makes (a "$ref" target), without
// the bookkeeping that drops repeats.
func (st *state) addUnique(it Item) {
	if it.ReplaceStart == 0 && it.ReplaceEnd == 0 {
		it.ReplaceStart, it.ReplaceEnd = st.ctx.ReplaceStart, st.ctx.ReplaceEnd
	}
	if it.SortText == "" {
		it.SortText = "5" + it.Label
	}
	if it.FilterText == "" {
		it.FilterText = it.Label
		if st.ctx.Quote != 0 && st.req.Format == syntax.YAML {
			it.FilterText = string(st.ctx.Quote) + it.Label
		}
		if st.req.Format == syntax.JSON && st.ctx.Quote != 0 {
			it.FilterText = `"` + it.Label
		}
	}
	st.items = append(st.items, it)
}

func (st *state) result() Result {
	// Sorting positions, not the (large) items, then placing each once.
	order := make([]int32, len(st.items))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(st.items[a].SortText, st.items[b].SortText) })
	items := make([]Item, min(len(order), MaxItems))
	for i := range items {
		items[i] = st.items[order[i]]
	}
	return Result{Items: items, Incomplete: st.capped || len(order) > MaxItems}
}

// existingKeys lists the keys already written in the mapping at path, but not
// the one being edited at the cursor.
func (st *state) existingKeys(path []string) map[string]bool {
	out := map[string]bool{}
	n := st.req.Tree.Find(path...).Resolve()
	if n == nil || n.Kind != syntax.Mapping {
		return out
	}
	editing := string(st.req.Text[st.ctx.ReplaceStart:st.ctx.ReplaceEnd])
	editing = strings.Trim(editing, `"'`)
	for _, p := range n.Pairs {
		if p.Key.Value == editing && p.Key.Start >= st.ctx.ReplaceStart-1 && p.Key.Start <= st.ctx.ReplaceEnd {
			continue
		}
		out[p.Key.Value] = true
	}
	return out
}

func (st *state) indent(extra int) string {
	return strings.Repeat(" ", st.ctx.Column+extra)
}
