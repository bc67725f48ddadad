package server

import "go.lsp.dev/protocol"

// addFeatureCapabilities advertises the request features implemented so far.
func (s *Server) addFeatureCapabilities(c *protocol.ServerCapabilities) {
	c.DefinitionProvider = protocol.Boolean(true)
	addNavigationCapabilities(c)
	c.HoverProvider = protocol.Boolean(true)
	c.CompletionProvider = &protocol.CompletionOptions{TriggerCharacters: []string{":", " ", "#", "/", "{", "\"", "'", "-"}}
}

// implementedMethods lists the requests this server answers; it must agree
// with addFeatureCapabilities.
var implementedMethods = map[string]bool{
	protocol.MethodInitialize:             true,
	protocol.MethodShutdown:               true,
	protocol.MethodTextDocumentDefinition: true,
	// navigation: see navigationMethods in navcaps.go
	protocol.MethodTextDocumentCompletion: true,
	protocol.MethodTextDocumentHover:      true,
}
