package server

import "go.lsp.dev/protocol"

// addFeatureCapabilities advertises the request features implemented so far.
func (s *Server) addFeatureCapabilities(c *protocol.ServerCapabilities) {
	c.DefinitionProvider = protocol.Boolean(true)
}

// implementedMethods lists the requests this server answers; it must agree
// with addFeatureCapabilities.
var implementedMethods = map[string]bool{
	protocol.MethodInitialize:             true,
	protocol.MethodShutdown:               true,
	protocol.MethodTextDocumentDefinition: true,
}
