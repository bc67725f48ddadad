package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"

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
	if f.dir == "" {
		return nil, nil
	}
	path := filepath.Clean(filepath.Join(f.dir, filepath.FromSlash(rel)))
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
	default:
		return nil, nil
	}
	text, ok := readRegularFile(path)
	if !ok {
		return nil, nil
	}
	root := syntax.Parse(text, syntax.DetectFormat(path, text)).Root
	if root.Resolve() == nil || root.Resolve().Kind != syntax.Mapping {
		return nil, nil
	}
	return text, root
}

// readRegularFile reads a regular file under the size cap.
func readRegularFile(path string) ([]byte, bool) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxRefFileSize {
		return nil, false
	}
	text, err := os.ReadFile(path)
	return text, err == nil
}
