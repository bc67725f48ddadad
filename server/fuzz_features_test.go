package server

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// quietClient accepts everything the server sends.
type quietClient struct{ protocol.UnimplementedClient }

func (quietClient) PublishDiagnostics(context.Context, *protocol.PublishDiagnosticsParams) error {
	return nil
}

var (
	fuzzServerMu sync.Mutex
	fuzzServers  = map[source.Encoding]*Server{}
	fuzzVersion  atomic.Int32
)

// featureServer is one initialized server per encoding, shared by the
// executions of a fuzz worker as an editor session is.
func featureServer(enc source.Encoding) *Server {
	fuzzServerMu.Lock()
	defer fuzzServerMu.Unlock()
	if s := fuzzServers[enc]; s != nil {
		return s
	}
	s := New(Options{})
	s.client = quietClient{}
	s.Initialize(context.Background(), &protocol.InitializeParams{})
	s.encoding = enc
	s.state.Store(stateRunning)
	fuzzServers[enc] = s
	return s
}

// positionRequests are the request handlers that take a cursor position.
var positionRequests = map[string]func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error){
	"definition": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.Definition(ctx, &protocol.DefinitionParams{TextDocumentPositionParams: p})
	},
	"references": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.References(ctx, &protocol.ReferenceParams{TextDocumentPositionParams: p, Context: protocol.ReferenceContext{IncludeDeclaration: true}})
	},
	"highlight": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.DocumentHighlight(ctx, &protocol.DocumentHighlightParams{TextDocumentPositionParams: p})
	},
	"hover": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: p})
	},
	"completion": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: p})
	},
	"prepareRename": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.PrepareRename(ctx, &protocol.PrepareRenameParams{TextDocumentPositionParams: p})
	},
	"rename": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.Rename(ctx, &protocol.RenameParams{TextDocumentPositionParams: p, NewName: "renamed"})
	},
	"selectionRange": func(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
		return s.SelectionRange(ctx, &protocol.SelectionRangeParams{TextDocument: p.TextDocument, Positions: []protocol.Position{p.Position}})
	},
}

// codeAction analyses the whole document on each call: it is asked at a
// sample of the positions only.
func codeAction(s *Server, ctx context.Context, p protocol.TextDocumentPositionParams) (any, error) {
	return s.CodeAction(ctx, &protocol.CodeActionParams{TextDocument: p.TextDocument, Range: protocol.Range{Start: p.Position, End: p.Position}})
}

// documentRequests are the request handlers that take a whole document.
var documentRequests = map[string]func(s *Server, ctx context.Context, d protocol.TextDocumentIdentifier) (any, error){
	"documentSymbol": func(s *Server, ctx context.Context, d protocol.TextDocumentIdentifier) (any, error) {
		return s.DocumentSymbol(ctx, &protocol.DocumentSymbolParams{TextDocument: d})
	},
	"foldingRange": func(s *Server, ctx context.Context, d protocol.TextDocumentIdentifier) (any, error) {
		return s.FoldingRanges(ctx, &protocol.FoldingRangeParams{TextDocument: d})
	},
	"documentLink": func(s *Server, ctx context.Context, d protocol.TextDocumentIdentifier) (any, error) {
		return s.DocumentLink(ctx, &protocol.DocumentLinkParams{TextDocument: d})
	},
	"codeLens": func(s *Server, ctx context.Context, d protocol.TextDocumentIdentifier) (any, error) {
		return s.CodeLens(ctx, &protocol.CodeLensParams{TextDocument: d})
	},
}

// FuzzFeatures opens mutated AsyncAPI documents and asks every request at
// every offset (and just past the text): no handler panics, and every answer
// encodes as the protocol requires.
func FuzzFeatures(f *testing.F) {
	for _, s := range []string{
		"asyncapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\nchannels:\n  user/{id}:\n    address: users.{id}\n    messages:\n      m: {$ref: '#/components/messages/m'}\n    parameters:\n      id: {}\ncomponents:\n  messages:\n    m:\n      payload: {$ref: '#/components/schemas/s'}\n  schemas:\n    s: {type: object}\n",
		"asyncapi: 2.6.0\nservers:\n  prod: {url: x, protocol: kafka}\nchannels:\n  a:\n    servers: [prod]\n    subscribe:\n      message: {$ref: 'other.yaml#/m'}\n",
		`{"asyncapi": "3.0.0", "components": {"schemas": {"a": {"$ref": "#/components/schemas/a~1b%25"}}}}`,
		"asyncapi: 3.0.0\ninfo:\n  title: 😀 漢字\r\n  x: \"\ufeff\"\n  y: &a [*a",
		// flow collections, anchors and aliases, bindings by version, examples, scopes
		"asyncapi: 2.6.0\ninfo: {title: T, version: '1', \nchannels:\n  c:\n    bindings: {amqp: {is: queue, bindingVersion: 0.2.0, queue: {name: [q}}}\n    subscribe:\n      security: [{s: [a, ]}]\n      message: &m\n        payload: {type: object, required: [id], properties: {id: {type: string}}}\n        examples:\n          - \n      bindings: {kafka: *m}\ncomponents:\n  securitySchemes:\n    s: {type: oauth2, flows: {implicit: {scopes: {a: x}}}}\n",
		"asyncapi: 3.0.0\nchannels:\n  c: &c {address: '{x', messages: {m: {$ref: './x.avsc'}}}\n  d: *c\n  e: *\n  f: {<<: *c, bindings: {kafka: {bindingVersion: 9.9.9, topic: t}}}\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, text []byte, enc uint8) {
		if len(text) > 2048 {
			text = text[:2048]
		}
		defer watchdog("FuzzFeatures", text)()
		s := featureServer([]source.Encoding{source.UTF16, source.UTF8, source.UTF32, source.UTF16}[enc%4])
		ctx := context.Background()
		u := uri.URI("file:///fuzz/doc.yaml")
		if enc&4 != 0 {
			u = "file:///fuzz/doc.json"
		}
		s.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: u, LanguageID: "yaml", Version: fuzzVersion.Add(1), Text: string(text)}})
		defer s.DidClose(ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
		doc := s.docs.get(u)
		id := protocol.TextDocumentIdentifier{URI: u}
		check := func(method string, res any, err error) {
			if err != nil {
				return // an error answer is an answer
			}
			if _, err := protocol.Marshal(res); err != nil {
				t.Fatalf("%s: the answer does not encode: %v", method, err)
			}
		}
		for name, req := range documentRequests {
			res, err := req(s, ctx, id)
			check(name, res, err)
		}
		lines := doc.Mapper.LineCount()
		positions := []protocol.Position{{Line: uint32(lines), Character: 0}, {Line: uint32(lines + 1), Character: 3}, {Line: 0, Character: 1 << 30}}
		for off := 0; off <= len(text); off++ {
			p, err := doc.Mapper.Position(off, s.encoding)
			if err != nil {
				t.Fatalf("offset %d: %v", off, err)
			}
			positions = append(positions, protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)})
		}
		for i, pos := range positions {
			if i%61 == 0 {
				res, err := codeAction(s, ctx, protocol.TextDocumentPositionParams{TextDocument: id, Position: pos})
				check("codeAction", res, err)
			}
			for name, req := range positionRequests {
				res, err := req(s, ctx, protocol.TextDocumentPositionParams{TextDocument: id, Position: pos})
				check(name, res, err)
			}
		}
	})
}
