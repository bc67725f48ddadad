package fix

import (
	"slices"
	"strconv"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// An AsyncAPI 2 field in a 3.x document is written the 3.x way where the
// change is mechanical: a server's url becomes host, pathname and protocol;
// an operation's message reference becomes a messages list through the
// channel; a parameter's string schema gives its enum, default, examples
// and description to the parameter. publish and subscribe get none: which
// action they become depends on the point of view (the converter's job).
func init() {
	makers[analysis.CodeV2Field] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		loc := syntax.At(doc.Root(), d.Start)
		if !loc.OnKey || len(loc.Path) < 2 {
			return nil
		}
		parent := doc.Root().Find(loc.Path[:len(loc.Path)-1]...).Resolve()
		if parent == nil || parent.Kind != syntax.Mapping {
			return nil
		}
		pair := parent.Entry(loc.Path[len(loc.Path)-1])
		if pair == nil {
			return nil
		}
		switch pair.Key.Value {
		case "url":
			return serverURLFix(doc, parent, pair)
		case "message":
			return operationMessageFix(doc, parent, pair)
		case "schema":
			return parameterSchemaFix(doc, parent, pair)
		}
		return nil
	}
}

// entry is a key and the text of its value, as the replacement writes them.
type entry struct{ key, value string }

// replacePair writes entries in place of pair, one per line in a block
// mapping (at the pair's indentation), separated by commas otherwise.
func replacePair(doc *analysis.Document, m *syntax.Node, pair *syntax.Pair, entries []entry) Edit {
	sep := ", "
	if !m.Flow && doc.File().Format == syntax.YAML {
		sep = "\n" + strings.Repeat(" ", column(doc.Text, pair.Key.Start))
	}
	parts := make([]string, len(entries))
	for i, e := range entries {
		parts[i] = quoteKey(doc, e.key) + ": " + e.value
	}
	end := pair.Value.End
	for end > pair.Value.Start && strings.ContainsRune(" \t\r\n", rune(doc.Text[end-1])) {
		end--
	}
	return Edit{pair.Key.Start, end, strings.Join(parts, sep)}
}

// scalarText writes s as a YAML or JSON string.
func scalarText(doc *analysis.Document, s string) string {
	if doc.File().Format == syntax.JSON || s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`? ") || strings.ContainsAny(s[:1], "-") {
		return strconv.Quote(s)
	}
	return s
}

func serverURLFix(doc *analysis.Document, server *syntax.Node, pair *syntax.Pair) []Fix {
	v := pair.Value.Resolve()
	if v == nil || v.Kind != syntax.Scalar || server.Entry("host") != nil || server.Entry("pathname") != nil {
		return nil
	}
	host, pathname, scheme := analysis.SplitServerURL(v.Value)
	entries := []entry{{"host", scalarText(doc, host)}}
	if pathname != "" {
		entries = append(entries, entry{"pathname", scalarText(doc, pathname)})
	}
	if scheme != "" && server.Entry("protocol") == nil {
		entries = append(entries, entry{"protocol", scalarText(doc, scheme)})
	}
	return []Fix{{Title: "Replace url with host and pathname", Edits: []Edit{replacePair(doc, server, pair, entries)}, Safe: true}}
}

// operationMessageFix turns message: {$ref: X} into messages: [{$ref: Y}],
// Y naming X through the operation's channel when the channel lists it.
func operationMessageFix(doc *analysis.Document, op *syntax.Node, pair *syntax.Pair) []Fix {
	ref := pair.Value.Get("$ref").String()
	if ref == "" || op.Entry("messages") != nil {
		return nil
	}
	target, safe := ref, false
	chRef := op.Get("channel").Get("$ref").String()
	if key, err := refs.Resolve("file:///doc", chRef); err == nil && strings.HasPrefix(chRef, "#") {
		channel := doc.Root().Find(key.Tokens...)
		if ms := channel.Get("messages").Resolve(); ms != nil && ms.Kind == syntax.Mapping {
			for _, m := range ms.Pairs {
				through := chRef + "/messages/" + refs.EscapeToken(m.Key.Value)
				if m.Value.Get("$ref").String() == ref || through == ref {
					target, safe = through, true
					break
				}
			}
		}
	}
	value := "[{$ref: " + quoteSingle(target) + "}]"
	if doc.File().Format == syntax.JSON {
		value = `[{"$ref": ` + strconv.Quote(target) + `}]`
	}
	return []Fix{{Title: "Replace message with messages: [" + target + "]", Edits: []Edit{replacePair(doc, op, pair, []entry{{"messages", value}})}, Safe: safe}}
}

// liftable are the schema keywords a 3.x parameter has itself.
var liftable = []string{"enum", "default", "examples", "description"}

// parameterSchemaFix moves enum, default, examples and description of a
// string schema onto the parameter, when the schema says nothing more.
func parameterSchemaFix(doc *analysis.Document, param *syntax.Node, pair *syntax.Pair) []Fix {
	schema := pair.Value.Resolve()
	if schema == nil || schema.Kind != syntax.Mapping {
		return nil
	}
	var entries []entry
	for _, p := range schema.Pairs {
		switch k := p.Key.Value; {
		case k == "type":
			if p.Value.String() != "string" {
				return nil // a 3.x parameter is a string
			}
		case !slices.Contains(liftable, k) || param.Entry(k) != nil:
			return nil // more than a parameter can say, or said twice
		default:
			text, ok := flowText(doc, p.Value)
			if !ok {
				return nil
			}
			entries = append(entries, entry{k, text})
		}
	}
	title := "Move the schema's " + strings.Join(keysOf(entries), ", ") + " onto the parameter"
	if len(entries) == 0 {
		title = "Remove the schema (a parameter is a string)"
		if len(param.Pairs) == 1 {
			return []Fix{{Title: title, Edits: []Edit{{pair.Key.Start, pair.Value.End, "{}"}}, Safe: true}}
		}
		return removeEntry(doc, analysis.Diagnostic{Start: pair.Key.Start}, title)
	}
	return []Fix{{Title: title, Edits: []Edit{replacePair(doc, param, pair, entries)}, Safe: true}}
}

// flowText writes a value on one line: its own text when it is a scalar or
// a flow collection (or JSON), a flow list of its scalars' texts when it is
// a block list.
func flowText(doc *analysis.Document, n *syntax.Node) (string, bool) {
	r := n.Resolve()
	switch {
	case r == nil:
		return "", false
	case r.Kind == syntax.Scalar, r.Flow, doc.File().Format == syntax.JSON:
		return strings.TrimSpace(string(doc.Text[r.Start:r.End])), !strings.Contains(string(doc.Text[r.Start:r.End]), "\n")
	case r.Kind == syntax.Sequence:
		items := make([]string, len(r.Items))
		for i, it := range r.Items {
			s, ok := flowText(doc, it)
			if !ok || it.Resolve().Kind != syntax.Scalar {
				return "", false
			}
			items[i] = s
		}
		return "[" + strings.Join(items, ", ") + "]", true
	}
	return "", false
}

func quoteSingle(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func keysOf(entries []entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.key
	}
	return out
}
