package completion

import (
	"asyncapi-ls/analysis/payload"
	"asyncapi-ls/schemas"
)

// avro completes inside an Avro payload (analysis/payload knows the
// format): keys of schema objects and record fields, type names (the
// schema's own named types too), logical types and sort orders. It reports
// whether the cursor is inside one; the AsyncAPI schema model has nothing
// to say there.
func (st *state) avro() bool {
	path := st.ctx.ValuePath()
	if st.ctx.InKey {
		path = st.ctx.Path
	}
	root, rel, ok := payload.AvroSchemaAt(st.req.Tree, path)
	if !ok {
		return false
	}
	// At the start of a union's entry, a type name is what goes there.
	union := st.ctx.InKey && st.ctx.ItemStart && len(rel) > 0 && payload.IsUnionEntry(root, rel)
	if st.ctx.InKey && !union {
		for _, t := range payload.AvroKeys(root, rel) {
			st.add(Item{Label: t.Name, Kind: KindProperty, InsertText: st.keyInsertText(t.Name, "", avroShape(t.Name)), Snippet: st.req.Snippets,
				Detail: t.Detail, Documentation: t.Doc})
		}
		return true
	}
	for _, t := range payload.AvroValues(root, rel) {
		st.add(Item{Label: t.Name, Kind: KindValue, InsertText: st.valueInsert(t.Name), Detail: t.Detail, Documentation: t.Doc})
	}
	return true
}

// avroShape is the shape of an Avro key's value, for the text a key inserts.
func avroShape(key string) schemas.Shape {
	switch key {
	case "fields", "symbols", "aliases":
		return schemas.ShapeArray
	}
	return schemas.ShapeScalar
}
