package server

import (
	"context"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/protocol"
)

// References lists every place across the workspace that names the
// component, channel, message, server or parameter under the cursor.
func (s *Server) References(ctx context.Context, params *protocol.ReferenceParams) ([]protocol.Location, error) {
	snap, offset, ok := s.snapshotAt(ctx, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}
	found := navigate.References(snap, offset, params.Context.IncludeDeclaration)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	out := make([]protocol.Location, 0, len(found))
	for _, r := range found {
		out = append(out, s.location(r.Location))
	}
	return out, nil
}
