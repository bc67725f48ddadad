package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Symbols (workspace/symbol) fuzzy-matches the named objects of every
// AsyncAPI document under the workspace folders and every open one.
func (s *Server) Symbols(ctx context.Context, params *protocol.WorkspaceSymbolParams) (protocol.WorkspaceSymbolResult, error) {
	snap := s.nav.ws.Snapshot(nil)
	jsonrpc2.Async(ctx)
	found := navigate.WorkspaceSymbols(snap, params.Query)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	out := make(protocol.WorkspaceSymbolSlice, 0, len(found))
	for _, sym := range found {
		doc, err := snap.Load(sym.URI)
		if err != nil {
			continue
		}
		loc := &protocol.Location{URI: uri.URI(sym.URI), Range: s.rangeOf(doc.Mapper, sym.NameStart, sym.NameEnd)}
		ws := protocol.WorkspaceSymbol{Location: loc}
		ws.Name = displayName(sym.Name)
		ws.Kind = protocol.SymbolKind(sym.Kind)
		if sym.Container != "" {
			c := sym.Container
			ws.ContainerName = &c
		}
		out = append(out, ws)
	}
	return out, nil
}
