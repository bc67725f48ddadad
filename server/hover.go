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
	files := s.files(u)
	req := hover.Request{Text: doc.Text, Offset: offset, Format: doc.Format(), LoadFile: files.loadText, ReadFile: files.read, Mapper: doc.Mapper}
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

// loadText reads a YAML or JSON file (or a JSON Avro schema) named relative
// to the document for a preview; anything else (no such extension, not a
// regular file, too large, not a mapping) is refused so that hover never
// shows unrelated files.
func (f nearbyFiles) loadText(rel string) ([]byte, *syntax.Node) {
	avro := false
	switch strings.ToLower(filepath.Ext(rel)) {
	case ".yaml", ".yml", ".json":
	case ".avsc":
		avro = true
	default:
		return nil, nil
	}
	doc := f.document(rel)
	if doc == nil {
		return nil, nil
	}
	root := doc.Root().Resolve()
	if root == nil || root.Kind != syntax.Mapping && !(avro && root.Kind == syntax.Sequence) {
		return nil, nil
	}
	return doc.Text, doc.Root()
}

// read reads any file named relative to the document through the
// workspace (buffers first, regular files under the size cap), for hover to
// say what it is.
func (f nearbyFiles) read(rel string) ([]byte, bool) {
	if doc := f.document(rel); doc != nil {
		return doc.Text, true
	}
	return nil, false
}
