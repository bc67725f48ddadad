package server

import (
	"context"

	"asyncapi-ls/analysis/source"
	"asyncapi-ls/completion"

	"go.lsp.dev/protocol"
)

// Completion answers from the text around the cursor and the newest tree
// that parsed, so it keeps working while the document is broken.
func (s *Server) Completion(ctx context.Context, params *protocol.CompletionParams) (protocol.CompletionResult, error) {
	u := params.TextDocument.URI
	snap, offset, ok := s.snapshotAt(ctx, u, params.Position)
	if !ok {
		return nil, nil
	}
	doc := snap.Document()
	if isRulesetDocument(doc) {
		return s.rulesetCompletion(ctx, u, doc, offset)
	}
	tree, _ := s.docs.tree(u, doc, false)
	if tree == nil {
		tree = repairedTree(doc, offset)
	}
	res := completion.Complete(completion.Request{
		Text:     doc.Text,
		Offset:   offset,
		Format:   doc.Format(),
		Tree:     tree,
		Snippets: s.snippets,
		Files:    s.files(u).list,
		Snapshot: snap,
	})
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	list := &protocol.CompletionList{IsIncomplete: res.Incomplete, Items: make([]protocol.CompletionItem, 0, len(res.Items))}
	for _, it := range res.Items {
		list.Items = append(list.Items, s.toCompletionItem(doc.Mapper, it))
	}
	return list, nil
}

var completionKinds = map[completion.Kind]protocol.CompletionItemKind{
	completion.KindProperty:  protocol.CompletionItemKindProperty,
	completion.KindValue:     protocol.CompletionItemKindValue,
	completion.KindEnum:      protocol.CompletionItemKindEnumMember,
	completion.KindReference: protocol.CompletionItemKindReference,
	completion.KindSnippet:   protocol.CompletionItemKindSnippet,
	completion.KindFile:      protocol.CompletionItemKindFile,
	completion.KindFolder:    protocol.CompletionItemKindFolder,
	completion.KindKeyword:   protocol.CompletionItemKindKeyword,
}

func (s *Server) toCompletionItem(m *source.Mapper, it completion.Item) protocol.CompletionItem {
	out := protocol.CompletionItem{
		Label:          it.Label,
		Kind:           completionKinds[it.Kind],
		SortText:       protocol.NewOptional(it.SortText),
		FilterText:     protocol.NewOptional(it.FilterText),
		InsertTextMode: protocol.InsertTextModeAsIs,
		TextEdit:       &protocol.TextEdit{Range: s.rangeOf(m, it.ReplaceStart, it.ReplaceEnd), NewText: it.InsertText},
	}
	if it.Detail != "" {
		out.Detail = protocol.NewOptional(it.Detail)
	}
	if it.Documentation != "" {
		out.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: it.Documentation}
	}
	if it.Snippet {
		out.InsertTextFormat = protocol.InsertTextFormatSnippet
	} else {
		out.InsertTextFormat = protocol.InsertTextFormatPlainText
	}
	return out
}
