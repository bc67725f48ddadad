package main

import "encoding/json"

// The few LSP shapes the driver sends or reads. Kept minimal on purpose:
// anything the driver only counts stays json.RawMessage.

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

type textDocumentIdentifier struct {
	URI string `json:"uri"`
}

type positionParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
	Position     position               `json:"position"`
	Context      any                    `json:"context,omitempty"`
	NewName      string                 `json:"newName,omitempty"` // rename
}

type contentChange struct {
	Range *lspRange `json:"range,omitempty"`
	Text  string    `json:"text"`
}

type publishDiagnosticsParams struct {
	URI         string            `json:"uri"`
	Version     *int              `json:"version"`
	Diagnostics []json.RawMessage `json:"diagnostics"`
}

type configurationParams struct {
	Items []struct {
		ScopeURI string `json:"scopeUri"`
		Section  string `json:"section"`
	} `json:"items"`
}

// clientCapabilities advertises what a typical editor supports, so servers
// enable the same code paths they would in VS Code or Neovim.
func clientCapabilities() map[string]any {
	return map[string]any{
		"workspace": map[string]any{
			"configuration":          true,
			"workspaceFolders":       true,
			"didChangeConfiguration": map[string]any{"dynamicRegistration": true},
			"workspaceEdit":          map[string]any{"documentChanges": true},
		},
		"textDocument": map[string]any{
			"synchronization":    map[string]any{"dynamicRegistration": true, "didSave": true},
			"publishDiagnostics": map[string]any{"relatedInformation": true, "versionSupport": true},
			"completion": map[string]any{
				"dynamicRegistration": true,
				"contextSupport":      true,
				"completionItem":      map[string]any{"snippetSupport": true, "documentationFormat": []string{"markdown", "plaintext"}},
			},
			"hover":      map[string]any{"dynamicRegistration": true, "contentFormat": []string{"markdown", "plaintext"}},
			"definition": map[string]any{"dynamicRegistration": true, "linkSupport": true},
			"references": map[string]any{"dynamicRegistration": true},
			"rename":     map[string]any{"dynamicRegistration": true, "prepareSupport": true},
			"formatting": map[string]any{"dynamicRegistration": true},
		},
		"window":  map[string]any{"workDoneProgress": true},
		"general": map[string]any{"positionEncodings": []string{"utf-16"}},
	}
}

// syncKind reads textDocumentSync from an initialize result: 0 none,
// 1 full, 2 incremental.
func syncKind(initResult json.RawMessage) int {
	var r struct {
		Capabilities struct {
			TextDocumentSync json.RawMessage `json:"textDocumentSync"`
		} `json:"capabilities"`
	}
	if json.Unmarshal(initResult, &r) != nil {
		return 0
	}
	var n int
	if json.Unmarshal(r.Capabilities.TextDocumentSync, &n) == nil {
		return n
	}
	var o struct {
		Change int `json:"change"`
	}
	if json.Unmarshal(r.Capabilities.TextDocumentSync, &o) == nil {
		return o.Change
	}
	return 0
}
