package server

import (
	"context"
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/hover"

	"go.lsp.dev/protocol"
)

// Hover explains the key, value or reference under the cursor.
func (s *Server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	u := params.TextDocument.URI
	doc, offset, ok := s.snapshotAt(ctx, u, params.Position)
	if !ok {
		return nil, nil
	}
	if isRulesetDocument(doc) {
		md, start, end, ok := ruleset.Hover(doc.Text, offset, doc.Format())
		if err := cancelled(ctx); err != nil || !ok {
			return nil, err
		}
		r := s.rangeOf(doc.Mapper, start, end)
		return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: md}, Range: &r}, nil
	}
	tree, current := s.docs.tree(u, doc, true)
	req := hover.Request{Text: doc.Text, Offset: offset, Format: doc.Format(), LoadFile: s.files(u).loadText, Mapper: doc.Mapper}
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

// loadText reads a YAML or JSON file named relative to the document for a
// preview; anything else (no such extension, not a regular file, too large,
// not a mapping) is refused so that hover never shows unrelated files.
func (f nearbyFiles) loadText(rel string) ([]byte, *syntax.Node) {
	switch strings.ToLower(filepath.Ext(rel)) {
	case ".yaml", ".yml", ".json":
	default:
		return nil, nil
	}
	doc := f.document(rel)
	if doc == nil || doc.Root().Resolve() == nil || doc.Root().Resolve().Kind != syntax.Mapping {
		return nil, nil
	}
	return doc.Text, doc.Root()
}
