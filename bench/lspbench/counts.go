package main

import "encoding/json"

// countResult says how many things a request returned, so that an empty
// answer is never mistaken for a fast one.
func countResult(method string, raw json.RawMessage) int {
	if len(raw) == 0 || string(raw) == "null" {
		return 0
	}
	switch method {
	case "textDocument/completion":
		var list struct {
			Items []json.RawMessage `json:"items"`
		}
		if json.Unmarshal(raw, &list) == nil && list.Items != nil {
			return len(list.Items)
		}
	case "textDocument/rename":
		return countEdits(raw)
	case "textDocument/hover":
		var h struct {
			Contents json.RawMessage `json:"contents"`
		}
		if json.Unmarshal(raw, &h) != nil || !hasContent(h.Contents) {
			return 0
		}
		return 1
	}
	var arr []json.RawMessage
	if json.Unmarshal(raw, &arr) == nil {
		return len(arr)
	}
	return 1 // a single Location
}

// hasContent reports whether hover contents (string, MarkupContent,
// MarkedString or an array of them) hold any text.
func hasContent(raw json.RawMessage) bool {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s != ""
	}
	var m struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(raw, &m) == nil && m.Value != "" {
		return true
	}
	var arr []json.RawMessage
	if json.Unmarshal(raw, &arr) == nil {
		for _, a := range arr {
			if hasContent(a) {
				return true
			}
		}
	}
	return false
}

// countEdits counts the text edits of a WorkspaceEdit, in changes or
// documentChanges.
func countEdits(raw json.RawMessage) int {
	var we struct {
		Changes         map[string][]json.RawMessage `json:"changes"`
		DocumentChanges []struct {
			Edits []json.RawMessage `json:"edits"`
		} `json:"documentChanges"`
	}
	if json.Unmarshal(raw, &we) != nil {
		return 0
	}
	n := 0
	for _, es := range we.Changes {
		n += len(es)
	}
	for _, dc := range we.DocumentChanges {
		n += len(dc.Edits)
	}
	return n
}
