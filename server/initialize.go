package server

import (
	"context"
	"slices"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// Initialize negotiates the position encoding and advertises exactly the
// features this server implements.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s.encoding = negotiateEncoding(params.Capabilities.General)
	if td := params.Capabilities.TextDocument; td != nil && td.Completion != nil && td.Completion.CompletionItem != nil {
		s.snippets = td.Completion.CompletionItem.SnippetSupport != nil && *td.Completion.CompletionItem.SnippetSupport
	}
	s.state.Store(stateRunning)
	s.log.Info("initialize", zap.String("client", params.ClientInfo.Name), zap.Stringer("encoding", s.encoding))

	change := protocol.TextDocumentSyncKindIncremental
	openClose := true
	result := &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: protocol.PositionEncodingKind(s.encoding.String()),
			TextDocumentSync: &protocol.TextDocumentSyncOptions{OpenClose: &openClose, Change: &change},
		},
		ServerInfo: protocol.ServerInfo{Name: "asyncapi-ls", Version: protocol.NewOptional(s.version)},
	}
	s.addFeatureCapabilities(&result.Capabilities)
	s.nav.initialize(params)
	s.initializeSettings(params)
	s.previews.initialize(params)
	return result, nil
}

// Initialized needs no answer.
func (s *Server) Initialized(ctx context.Context, params *protocol.InitializedParams) error {
	s.startIndexing()
	s.pullSettings()
	return nil
}

func negotiateEncoding(general *protocol.GeneralClientCapabilities) source.Encoding {
	if general == nil {
		return source.UTF16
	}
	offered := general.PositionEncodings
	switch {
	case slices.Contains(offered, protocol.PositionEncodingKindUTF8):
		return source.UTF8
	case slices.Contains(offered, protocol.PositionEncodingKindUTF32):
		return source.UTF32
	}
	return source.UTF16
}
