package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Definition jumps from a "$ref" (in this file or into another), a 2.x
// channel's server name, a security requirement, a {parameter} or a server
// {variable} to what it names.
func (s *Server) Definition(ctx context.Context, params *protocol.DefinitionParams) (protocol.DefinitionResult, error) {
	snap, offset, ok := s.snapshotAt(ctx, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}
	locs := navigate.Definition(snap, offset)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	if len(locs) == 0 {
		return nil, nil
	}
	loc := s.location(locs[0])
	return &loc, nil
}

// location converts a navigate.Location with its own document's mapper.
func (s *Server) location(l navigate.Location) protocol.Location {
	return protocol.Location{URI: uri.URI(l.URI), Range: s.rangeOf(l.Doc.Mapper, l.Start, l.End)}
}
