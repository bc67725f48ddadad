package fix

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/convert"
)

// asyncapi-channel-parameters: an undeclared {parameter} is declared; a
// declared one the address does not use is removed.
func init() {
	makers[rules.CodeChannelParameters] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		text := string(doc.Text[d.Start:d.End])
		if strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}") {
			return declareParameter(doc, d, text[1:len(text)-1])
		}
		if f, ok := addressFromKey(doc, d); ok {
			// A 3.x channel without an address: its key is what the
			// author meant as the address (the 2.x habit).
			removal := removeEntry(doc, d, "Remove the parameter "+quote(strings.Trim(text, `"'`)))
			for i := range removal {
				removal[i].Safe = false
			}
			return append([]Fix{f}, removal...)
		}
		return removeEntry(doc, d, "Remove the parameter "+quote(strings.Trim(text, `"'`)))
	}
}

// addressFromKey adds address: <key> to the 3.x channel whose parameter the
// diagnostic is on, when the channel has no address and its key holds the
// parameter as {name}.
func addressFromKey(doc *analysis.Document, d analysis.Diagnostic) (Fix, bool) {
	loc := syntax.At(doc.Root(), d.Start)
	n := len(loc.Path)
	if !loc.OnKey || n < 4 || loc.Path[n-2] != "parameters" || !strings.HasPrefix(doc.Root().Get("asyncapi").String(), "3.") {
		return Fix{}, false
	}
	key := loc.Path[n-3]
	channel := doc.Root().Find(loc.Path[:n-2]...).Resolve()
	if channel == nil || channel.Kind != syntax.Mapping || !channel.Get("address").IsNull() || !strings.Contains(key, "{"+loc.Path[n-1]+"}") {
		return Fix{}, false
	}
	value := scalarText(doc, key)
	if a := channel.Entry("address"); a != nil {
		if a.Value.End == a.Value.Start {
			value = " " + value // "address:" with nothing after it
		}
		return Fix{Title: "Set the address to " + quote(key), Edits: []Edit{{Start: a.Value.Start, End: a.Value.End, Text: value}}, Safe: true}, true
	}
	// No address at all: the conversion's rule writes it (as `convert` does).
	edits := convert.FixChannelAddress(doc, loc.Path[:n-2])
	return Fix{Title: "Add address: " + quote(key), Edits: edits, Safe: true}, len(edits) > 0
}

func declareParameter(doc *analysis.Document, d analysis.Diagnostic, name string) []Fix {
	root := doc.Root()
	channel, _ := mappingAt(root, d.Start)
	if channel == nil {
		return nil
	}
	v3 := strings.HasPrefix(root.Get("asyncapi").String(), "3.")
	json := doc.File().Format == syntax.JSON
	value := "{}"
	if !v3 {
		value = "{schema: {type: string}}"
		if json {
			value = `{"schema": {"type": "string"}}`
		}
	}
	var e Edit
	var ok bool
	if params := channel.Get("parameters").Resolve(); params != nil && params.Kind == syntax.Mapping && (len(params.Pairs) > 0 || params.Flow) {
		e, ok = addEntry(doc, params, quoteKey(doc, name), value)
	} else if params == nil {
		inner := quoteKey(doc, name) + ": " + value
		e, ok = addEntry(doc, channel, quoteKey(doc, "parameters"), "{"+inner+"}")
	}
	if !ok {
		return nil
	}
	return []Fix{{Title: "Declare the parameter " + quote(name), Edits: []Edit{e}, Safe: true}}
}

// removeEntry deletes the mapping entry whose key the diagnostic is on.
func removeEntry(doc *analysis.Document, d analysis.Diagnostic, title string) []Fix {
	loc := syntax.At(doc.Root(), d.Start)
	if !loc.OnKey || len(loc.Path) == 0 {
		return nil
	}
	parent := doc.Root().Find(loc.Path[:len(loc.Path)-1]...).Resolve()
	if parent == nil || parent.Kind != syntax.Mapping {
		return nil
	}
	i := -1
	for j := range parent.Pairs {
		if parent.Pairs[j].Key.Start == loc.Node.Start {
			i = j
		}
	}
	if i < 0 {
		return nil
	}
	p := parent.Pairs[i]
	var e Edit
	switch {
	case !parent.Flow && doc.File().Format == syntax.YAML:
		if len(parent.Pairs) == 1 {
			return nil // an empty block mapping cannot be written without its key
		}
		e = Edit{Start: lineStart(doc.Text, p.Key.Start), End: afterNode(doc.Text, p.Value), Text: ""}
	case i+1 < len(parent.Pairs):
		e = Edit{Start: p.Key.Start, End: parent.Pairs[i+1].Key.Start, Text: ""}
	case i > 0:
		e = Edit{Start: parent.Pairs[i-1].Value.End, End: p.Value.End, Text: ""}
	default:
		e = Edit{Start: p.Key.Start, End: p.Value.End, Text: ""}
	}
	return []Fix{{Title: title, Edits: []Edit{e}, Safe: true}}
}

// scalarText writes s as a YAML or JSON string.
func scalarText(doc *analysis.Document, s string) string {
	if doc.File().Format == syntax.JSON || s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`? ") || strings.ContainsAny(s[:1], "-") {
		return strconv.Quote(s)
	}
	return s
}
