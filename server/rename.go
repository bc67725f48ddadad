package server

import (
	"context"
	"errors"

	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// PrepareRename answers the span of the name under the cursor, null where
// there is nothing to rename, and an error saying why where a rename
// cannot be made safely.
func (s *Server) PrepareRename(ctx context.Context, params *protocol.PrepareRenameParams) (protocol.PrepareRenameResult, error) {
	snap, offset, ok := s.snapshotAt(ctx, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}
	doc := snap.Document()
	start, end, name, err := navigate.PrepareRename(snap, offset)
	if cerr := cancelled(ctx); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, renameFailure(err)
	}
	return &protocol.PrepareRenamePlaceholder{Range: s.rangeOf(doc.Mapper, start, end), Placeholder: name}, nil
}

// Rename renames a component, channel, operation, message or server key and
// rewrites every "$ref" to it in every file (and 2.x server and security
// requirement names).
func (s *Server) Rename(ctx context.Context, params *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	snap, offset, ok := s.snapshotAt(ctx, params.TextDocument.URI, params.Position)
	if !ok {
		return nil, nil
	}
	files, err := navigate.Rename(snap, offset, params.NewName)
	if cerr := cancelled(ctx); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, renameFailure(err)
	}
	edit := &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{}}
	for _, f := range files {
		edits := make([]protocol.TextEdit, 0, len(f.Edits))
		for _, e := range f.Edits {
			edits = append(edits, protocol.TextEdit{Range: s.rangeOf(f.Doc.Mapper, e.Start, e.End), NewText: e.NewText})
		}
		edit.Changes[uri.URI(f.URI)] = edits
	}
	return edit, nil
}

// renameFailure: nothing under the cursor is a null answer; a refusal is a
// RequestFailed error whose message the editor shows.
func renameFailure(err error) error {
	var re *navigate.RenameError
	if navigate.IsNothing(err) {
		return nil
	}
	if errors.As(err, &re) {
		return jsonrpc2.NewError(jsonrpc2.Code(protocol.LSPErrorCodesRequestFailed), re.Reason)
	}
	return internalf("rename: %v", err)
}
