package completion

import (
	"fmt"
	"strings"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// keys offers the keys the schema allows in the mapping at the cursor that
// are not written yet, required ones first.
func (st *state) keys() {
	path := st.ctx.Path
	if st.securityNames(path) || st.channelKeyParameters(path) {
		return
	}
	m := st.bindingModel(path, false)
	if m == nil {
		m = st.model(path)
	}
	if m == nil {
		return
	}
	existing := st.existingKeys(path)
	for _, k := range m.Keys() {
		if existing[k.Name] || k.Deprecated && !strings.HasPrefix(k.Name, st.ctx.Prefix) {
			continue
		}
		sort := "1"
		detail := strings.Join(k.Types, " | ")
		if k.Required {
			sort = "0"
			detail = strings.TrimSpace("required " + detail)
		}
		if k.RefOnly {
			detail = "reference"
		}
		st.add(Item{
			Label:         k.Name,
			Kind:          KindProperty,
			Detail:        detail,
			Documentation: k.Markdown(),
			InsertText:    st.keyInsert(k.Name, k.Shape, k.Model, true),
			Snippet:       st.req.Snippets,
			SortText:      sort + k.Name,
		})
	}
	if m.Extensions() && !existing["x-"] {
		st.add(Item{Label: "x-", Kind: KindProperty, Detail: "specification extension",
			Documentation: "A specification extension: any key starting with `x-` may carry custom data.",
			InsertText:    st.keyInsertText("x-"+st.placeholder(1, "name"), "", schemas.ShapeAny), Snippet: st.req.Snippets, SortText: "8x-"})
	}
	if m.AnyName() {
		st.newEntrySnippets(path)
	}
	st.exampleSkeleton(path)
}

// keyInsert is the text inserting key with an empty value of the right shape.
func (st *state) keyInsert(name string, shape schemas.Shape, m *schemas.Model, choices bool) string {
	if m != nil && m.RefOnly {
		switch {
		case st.req.Format == syntax.JSON:
			return st.keyInsertText(name, `{"$ref": "`+st.placeholder(0, "")+`"}`, schemas.ShapeScalar)
		case st.ctx.Flow:
			return st.keyInsertText(name, `{$ref: '`+st.placeholder(0, "")+`'}`, schemas.ShapeScalar)
		}
		return st.keyInsertText(name, "\n"+st.indent(2)+"$ref: '"+st.placeholder(0, "")+"'", schemas.ShapeObject)
	}
	value := ""
	if st.req.Format == syntax.JSON && m != nil && len(m.Types) == 1 && m.Types[0] == "string" {
		value = `"` + st.placeholder(0, "") + `"`
	}
	if choices && m != nil && len(m.Enum) > 1 && st.req.Snippets && shape == schemas.ShapeScalar {
		var vals []string
		for _, v := range m.Enum {
			vals = append(vals, snippetChoiceEscape(st.scalarText(fmt.Sprint(v))))
		}
		value = "${1|" + strings.Join(vals, ",") + "|}"
		if st.req.Format == syntax.JSON {
			value = "${1|" + strings.Join(vals, ",") + "|}"
		}
	}
	return st.keyInsertText(name, value, shape)
}

// keyInsertText writes "name: value" in the document's notation, opening an
// indented block for objects and a "- " item for arrays (in JSON and YAML
// flow collections, "{}" and "[]").
func (st *state) keyInsertText(name, value string, shape schemas.Shape) string {
	key := name
	if st.req.Format == syntax.JSON {
		key = `"` + name + `"`
	} else if st.needsQuotes(name) {
		key = "'" + name + "'"
	}
	if st.ctx.ColonFollows {
		return key
	}
	if st.req.Format == syntax.JSON || st.ctx.Flow {
		switch {
		case value != "":
		case shape == schemas.ShapeObject:
			value = "{" + st.placeholder(0, "") + "}"
		case shape == schemas.ShapeArray:
			value = "[" + st.placeholder(0, "") + "]"
		default:
			value = st.placeholder(0, "")
		}
		return st.memberSeparators(key + ": " + value)
	}
	switch {
	case value != "" && strings.HasPrefix(value, "\n"):
		return key + ":" + value
	case value != "":
		return key + ": " + value
	case shape == schemas.ShapeObject:
		return key + ":\n" + st.indent(2) + st.placeholder(0, "")
	case shape == schemas.ShapeArray:
		return key + ":\n" + st.indent(2) + "- " + st.placeholder(0, "")
	}
	return key + ": " + st.placeholder(0, "")
}

// memberSeparators adds the commas a JSON member (or a member of a YAML flow
// mapping) needs between its neighbours.
func (st *state) memberSeparators(member string) string {
	before := strings.TrimRight(string(st.req.Text[:st.ctx.ReplaceStart]), " \t\r\n")
	after := strings.TrimLeft(string(st.req.Text[st.ctx.ReplaceEnd:]), " \t\r\n")
	if before != "" && !strings.HasSuffix(before, "{") && !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "[") {
		member = ", " + member
	}
	if strings.HasPrefix(after, `"`) || st.ctx.Flow && after != "" && !strings.ContainsRune(",}]#", rune(after[0])) {
		member += ","
	}
	return member
}

// placeholder is a snippet tab stop, or nothing for plain-text clients.
func (st *state) placeholder(n int, text string) string {
	if !st.req.Snippets {
		return text
	}
	if text == "" {
		return fmt.Sprintf("$%d", n)
	}
	return fmt.Sprintf("${%d:%s}", n, strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(text))
}

func snippetChoiceEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `,`, `\,`, `|`, `\|`, `$`, `\$`, `}`, `\}`)
	return r.Replace(s)
}
