package server

import "go.lsp.dev/protocol"

// addFeatureCapabilities advertises the request features implemented so far.
func (s *Server) addFeatureCapabilities(c *protocol.ServerCapabilities) {
	c.DefinitionProvider = protocol.Boolean(true)
	c.CodeActionProvider = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, protocol.CodeActionKindSourceFixAll, FixAllKind, protocol.CodeActionKindRefactorRewrite}}
	c.ReferencesProvider = protocol.Boolean(true)
	c.DocumentHighlightProvider = protocol.Boolean(true)
	prepare := true
	c.RenameProvider = &protocol.RenameOptions{PrepareProvider: &prepare}
	c.DocumentSymbolProvider = protocol.Boolean(true)
	c.WorkspaceSymbolProvider = protocol.Boolean(true)
	c.FoldingRangeProvider = protocol.Boolean(true)
	c.SelectionRangeProvider = protocol.Boolean(true)
	c.DocumentLinkProvider = &protocol.DocumentLinkOptions{}
	c.CodeLensProvider = &protocol.CodeLensOptions{} // empty unless the setting is on
	c.HoverProvider = protocol.Boolean(true)
	c.ExecuteCommandProvider = protocol.ExecuteCommandOptions{Commands: []string{PreviewCommand}}
	c.CompletionProvider = &protocol.CompletionOptions{TriggerCharacters: []string{":", " ", "#", "/", "{", "\"", "'", "-"}}
}

// implementedMethods lists the requests this server answers; it must agree
// with addFeatureCapabilities.
var implementedMethods = map[string]bool{
	protocol.MethodInitialize:                    true,
	protocol.MethodShutdown:                      true,
	protocol.MethodTextDocumentDefinition:        true,
	protocol.MethodTextDocumentCodeAction:        true,
	protocol.MethodTextDocumentReferences:        true,
	protocol.MethodTextDocumentDocumentHighlight: true,
	protocol.MethodTextDocumentPrepareRename:     true,
	protocol.MethodTextDocumentRename:            true,
	protocol.MethodTextDocumentDocumentSymbol:    true,
	protocol.MethodWorkspaceSymbol:               true,
	protocol.MethodTextDocumentFoldingRange:      true,
	protocol.MethodTextDocumentSelectionRange:    true,
	protocol.MethodTextDocumentDocumentLink:      true,
	protocol.MethodTextDocumentCodeLens:          true,
	protocol.MethodTextDocumentCompletion:        true,
	protocol.MethodTextDocumentHover:             true,
	protocol.MethodWorkspaceExecuteCommand:       true,
}
