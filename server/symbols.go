package server

import (
	"context"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/navigate"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// DocumentSymbol gives the AsyncAPI outline: info, servers, channels with
// their messages, operations with their action and channel, components by
// kind.
func (s *Server) DocumentSymbol(ctx context.Context, params *protocol.DocumentSymbolParams) (protocol.DocumentSymbolResult, error) {
	doc := s.docs.get(params.TextDocument.URI)
	jsonrpc2.Async(ctx)
	if doc == nil {
		return nil, nil
	}
	syms := navigate.DocumentSymbols(doc)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	return protocol.DocumentSymbolSlice(s.documentSymbols(doc, syms)), nil
}

func (s *Server) documentSymbols(doc *analysis.Document, syms []navigate.Symbol) []protocol.DocumentSymbol {
	out := make([]protocol.DocumentSymbol, 0, len(syms))
	for _, sym := range syms {
		ds := protocol.DocumentSymbol{
			Name:           displayName(sym.Name),
			Kind:           protocol.SymbolKind(sym.Kind),
			Range:          s.rangeOf(doc.Mapper, sym.Start, sym.End),
			SelectionRange: s.rangeOf(doc.Mapper, sym.NameStart, sym.NameEnd),
			Children:       s.documentSymbols(doc, sym.Children),
		}
		if sym.Detail != "" {
			d := sym.Detail
			ds.Detail = &d
		}
		out = append(out, ds)
	}
	return out
}

// displayName keeps symbol names non-blank, as the protocol requires.
func displayName(name string) string {
	for _, r := range name {
		if r != ' ' && r != '\t' {
			return name
		}
	}
	return `""`
}
