package server

import (
	"context"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// Text-sync notifications run inline on the read loop, in wire order, and
// never call jsonrpc2.Async: every later request must see their effect.

func (s *Server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	item := params.TextDocument
	// The decoded strings may share the message's buffer, which holds the
	// whole text: a URI kept as it is would keep that buffer alive.
	s.open(uri.URI(strings.Clone(string(item.URI))), item.Version, []byte(item.Text))
	return nil
}

// open records an opened document (see also bigOpens) and schedules its
// diagnostics.
func (s *Server) open(u uri.URI, version int32, text []byte) {
	doc := analysis.NewDocument(string(u), version, text)
	s.docs.set(u, doc)
	s.diags.schedule(u, doc, true)
}

func (s *Server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	u := params.TextDocument.URI
	old := s.docs.get(u)
	if old == nil {
		s.log.Warn("didChange for a document that is not open", zap.String("uri", string(u)))
		return nil
	}
	if params.TextDocument.Version <= old.Version {
		s.log.Warn("didChange with an old version ignored", zap.String("uri", string(u)),
			zap.Int32("have", old.Version), zap.Int32("got", params.TextDocument.Version))
		return nil
	}
	text, mapper, unchanged := s.applyChanges(old.Text, old.Mapper, params.ContentChanges)
	doc := analysis.NewEditedDocument(old, params.TextDocument.Version, text, unchanged)
	doc.Mapper = mapper // its line table follows the edit
	s.docs.set(u, doc)
	s.diags.schedule(u, doc, true)
	return nil
}

func (s *Server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	u := params.TextDocument.URI
	s.docs.remove(u)
	s.diags.clear(u)
	return nil
}

func (s *Server) DidSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	return nil
}

// applyChanges applies LSP content changes in order; each range is relative
// to the text left by the previous change. unchanged is what they all left
// alone.
func (s *Server) applyChanges(text []byte, mapper *source.Mapper, changes []protocol.TextDocumentContentChangeEvent) (_ []byte, _ *source.Mapper, unchanged source.Unchanged) {
	unchanged = source.Unchanged{Prefix: len(text), Suffix: len(text)}
	for _, change := range changes {
		switch c := change.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = []byte(c.Text)
			mapper = source.NewMapper(text)
			unchanged = source.Unchanged{}
		case *protocol.TextDocumentContentChangePartial:
			start, errStart := s.offset(mapper, c.Range.Start)
			end, errEnd := s.offset(mapper, c.Range.End)
			if errStart != nil || errEnd != nil || end < start {
				// A range past the text is clamped rather than dropped, so the
				// text stays as close to the client's as we can make it.
				s.log.Warn("didChange range out of bounds; clamped", zap.Any("range", c.Range), zap.Int("length", len(text)))
				start, end = s.clampedOffset(mapper, c.Range.Start), s.clampedOffset(mapper, c.Range.End)
				if end < start {
					start, end = end, start
				}
			}
			edit := source.Edit{Start: start, End: end, Text: c.Text}
			next, err := source.Apply(text, edit)
			if err != nil {
				s.log.Error("didChange could not be applied", zap.Error(err))
				continue
			}
			unchanged = unchanged.Then(source.UnchangedBy(len(text), edit))
			text, mapper = next, mapper.Edited(next, edit)
		default:
			continue
		}
	}
	// With no change at all, prefix and suffix overlap: both still hold.
	return text, mapper, unchanged
}
