package fix

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/schemas"
)

// objectKeys name required keys whose value is an object; others get an
// empty string to fill in.
var objectKeys = map[string]bool{
	"info": true, "channels": true, "channel": true, "operations": true, "components": true, "payload": true,
	"flows": true, "scopes": true, "availableScopes": true, "schema": true, "messages": true, "bindings": true,
}

// A missing required key gets a skeleton entry in the object.
func init() {
	makers[schemas.MissingKey.Code()] = func(doc *analysis.Document, d analysis.Diagnostic) []Fix {
		key := missingKeyName(d.Message)
		if key == "" {
			return nil
		}
		m, _ := mappingAt(doc.Root(), d.Start)
		value := `""`
		switch {
		case key == "channel":
			value = "{$ref: '#/channels/'}"
		case objectKeys[key]:
			value = "{}"
		case key == "action":
			value = "send"
		}
		e, ok := addEntry(doc, m, quoteKey(doc, key), value)
		if !ok {
			return nil
		}
		return []Fix{{Title: "Add " + quote(key), Edits: []Edit{e}}}
	}
}

// missingKeyName reads the key out of `Missing required key "name" …`.
func missingKeyName(msg string) string {
	i := strings.Index(msg, `key "`)
	if i < 0 {
		return ""
	}
	q, err := strconv.QuotedPrefix(msg[i+4:])
	if err != nil {
		return ""
	}
	k, _ := strconv.Unquote(q)
	return k
}

func quote(s string) string { return strconv.Quote(s) }
