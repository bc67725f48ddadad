package server

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// bigOpenBytes is the size of didOpen parameters from which decodeOpened
// reads them instead of the protocol package.
const bigOpenBytes = 64 << 10

// bigOpens takes a big document's didOpen before the protocol package
// decodes it. That decoder grows the text's string by doubling (about seven
// times the text in garbage for a 5 MB document, all at the moment the
// document's first analysis starts), and DidOpen then copies the string
// into bytes. Here the text is unquoted once, into the bytes the document
// keeps. Parameters it does not expect go on to the protocol package,
// which answers what is wrong with them.
func (s *Server) bigOpens(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.Method() != protocol.MethodTextDocumentDidOpen || len(req.Params()) < bigOpenBytes {
			return next(ctx, req)
		}
		u, version, text, ok := decodeOpened(req.Params())
		if !ok {
			return next(ctx, req)
		}
		s.open(u, version, text)
		return nil, nil
	}
}

// decodeOpened reads the URI, version and text of didOpen's parameters,
// the text into bytes of its own; ok is false for anything unexpected
// (another shape, escapes that do not decode, invalid UTF-8).
func decodeOpened(params []byte) (u uri.URI, version int32, text []byte, ok bool) {
	// A bytes.Buffer is read in place: no copy of the message.
	dec := jsontext.NewDecoder(bytes.NewBuffer(params), jsontext.AllowDuplicateNames(true))
	var haveURI, haveVersion, haveText bool
	object := func(member func(name string) bool) bool {
		if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
			return false
		}
		for dec.PeekKind() != '}' {
			name, err := dec.ReadToken()
			if err != nil || name.Kind() != '"' || !member(name.String()) {
				return false
			}
		}
		_, err := dec.ReadToken()
		return err == nil
	}
	item := func(name string) bool {
		switch name {
		case "uri":
			tok, err := dec.ReadToken()
			if err != nil || tok.Kind() != '"' {
				return false
			}
			u, haveURI = uri.URI(strings.Clone(tok.String())), true // no tie to the message
		case "version":
			tok, err := dec.ReadToken()
			if err != nil || tok.Kind() != '0' {
				return false
			}
			n, err := tok.Int()
			if err != nil || n < -1<<31 || n >= 1<<31 {
				return false
			}
			version, haveVersion = int32(n), true
		case "text":
			raw, err := dec.ReadValue()
			if err != nil || raw.Kind() != '"' {
				return false
			}
			text, err = jsontext.AppendUnquote(make([]byte, 0, len(raw)), raw)
			if err != nil {
				return false
			}
			haveText = true
		default:
			return dec.SkipValue() == nil
		}
		return true
	}
	member := func(name string) bool {
		if name == "textDocument" {
			return object(item)
		}
		return dec.SkipValue() == nil
	}
	if !object(member) {
		return "", 0, nil, false
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return "", 0, nil, false // something after the object
	}
	return u, version, text, haveURI && haveVersion && haveText
}
