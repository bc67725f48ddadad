package server

import (
	"context"

	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/hover"

	"go.lsp.dev/protocol"
)

// Hover explains the key, value or reference under the cursor.
func (s *Server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	u := params.TextDocument.URI
	snap, offset, ok := s.snapshotAt(ctx, u, params.Position)
	if !ok {
		return nil, nil
	}
	doc := snap.Document()
	if isRulesetDocument(doc) {
		md, start, end, ok := ruleset.Hover(doc.Text, offset, doc.Format())
		if err := cancelled(ctx); err != nil || !ok {
			return nil, err
		}
		r := s.rangeOf(doc.Mapper, start, end)
		return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: md}, Range: &r}, nil
	}
	tree, current := s.docs.tree(u, doc, true)
	req := hover.Request{Text: doc.Text, Offset: offset, Format: doc.Format(), Snapshot: snap, Mapper: doc.Mapper}
	if current {
		req.Tree = tree
	} else {
		req.LastGood = tree
	}
	res, ok := hover.Hover(req)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	if !ok {
		return nil, nil
	}
	r := s.rangeOf(doc.Mapper, res.Start, res.End)
	return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: res.Markdown}, Range: &r}, nil
}
