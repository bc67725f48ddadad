package server

import (
	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
)

// The wire speaks positions in the negotiated encoding; everything behind the
// server speaks byte offsets. These helpers are the only crossing, and they
// delegate all counting to source.Mapper.

func (s *Server) offset(m *source.Mapper, p protocol.Position) (int, error) {
	return m.Offset(source.Position{Line: int(p.Line), Character: int(p.Character)}, s.encoding)
}

// clampedOffset is offset for a position that may lie past the text: it is
// moved to the end of the text instead of failing.
func (s *Server) clampedOffset(m *source.Mapper, p protocol.Position) int {
	off, err := s.offset(m, p)
	if err != nil {
		return len(m.Text())
	}
	return off
}

func (s *Server) position(m *source.Mapper, offset int) protocol.Position {
	offset = min(max(offset, 0), len(m.Text()))
	p, _ := m.Position(offset, s.encoding)
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}

func (s *Server) rangeOf(m *source.Mapper, start, end int) protocol.Range {
	return protocol.Range{Start: s.position(m, start), End: s.position(m, max(start, end))}
}
