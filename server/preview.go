package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/preview"
	"asyncapi-ls/preview/live"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// PreviewCommand opens the live documentation page of a document: its
// argument is the document URI (or {"uri": …}); without one (Helix's
// :lsp-workspace-command sends none) the document opened or edited last. An
// optional second argument {"open": false} keeps the server from asking the
// client to open the page (editors that show it themselves, such as VS
// Code's webview). The answer is {"url": …}.
const PreviewCommand = "asyncapi.preview"

// previews is the session's local page server, started on first use.
type previews struct {
	mu           sync.Mutex
	srv          *live.Server
	showDocument bool // the client handles window/showDocument
}

func (p *previews) initialize(params *protocol.InitializeParams) {
	w := params.Capabilities.Window
	p.showDocument = w != nil && w.ShowDocument != nil && w.ShowDocument.Support
}

func (p *previews) server() (*live.Server, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.srv == nil {
		srv, err := live.Start(live.Options{})
		if err != nil {
			return nil, err
		}
		p.srv = srv
	}
	return p.srv, nil
}

func (p *previews) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.srv != nil {
		p.srv.Close()
		p.srv = nil
	}
}

// ExecuteCommand runs asyncapi.preview.
func (s *Server) ExecuteCommand(ctx context.Context, params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	if params.Command != PreviewCommand {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "unknown command "+strconv.Quote(params.Command)+"; this server runs "+PreviewCommand)
	}
	doc, open, err := previewArgs(params.Arguments)
	if err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
	}
	if doc == "" {
		if doc = s.docs.lastChanged(); doc == "" {
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "asyncapi.preview needs the document URI as its argument (no document is open)")
		}
	}
	jsonrpc2.Async(ctx)
	if s.docs.get(doc) == nil {
		// A closed document is read from disk (and followed there).
		if _, err := s.nav.ws.Load(string(doc)); err != nil {
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "cannot preview "+string(doc)+": "+err.Error())
		}
	}
	srv, err := s.previews.server()
	if err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InternalError, "cannot start the preview server: "+err.Error())
	}
	url := srv.Show(string(doc), &bufferSource{s: s, uri: doc})
	s.log.Info("preview", zap.String("document", string(doc)), zap.String("address", srv.Addr()))
	if open && s.previews.showDocument {
		// The read loop is free (Async above): the client's answer can come.
		external := true
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		res, err := s.client.ShowDocument(sctx, &protocol.ShowDocumentParams{URI: uri.URI(url), External: &external})
		cancel()
		if err != nil || res == nil || !res.Success {
			s.log.Info("the client did not open the preview", zap.Error(err))
		}
	} else if open {
		// A client that cannot open it still shows the address.
		shown := &protocol.ShowMessageParams{Type: protocol.MessageTypeInfo, Message: "AsyncAPI preview of " + path.Base(string(doc)) + ": " + url}
		s.out.post(protocol.MethodWindowShowMessage, "", func(ctx context.Context) error { return s.client.ShowMessage(ctx, shown) })
	}
	answer, err := json.Marshal(struct {
		URL string `json:"url"`
	}{url})
	return protocol.LSPAny(answer), err
}

// previewArgs reads [uri] or [{"uri": …}], then an optional {"open": bool}.
func previewArgs(args []protocol.LSPAny) (doc uri.URI, open bool, err error) {
	open = true
	if len(args) == 0 {
		return "", true, nil
	}
	var first struct {
		URI  string `json:"uri"`
		Open *bool  `json:"open"`
	}
	var plain string
	if json.Unmarshal(args[0], &plain) == nil {
		first.URI = plain
	} else if json.Unmarshal(args[0], &first) != nil {
		return "", false, errString("the argument of asyncapi.preview is a document URI or {\"uri\": …}")
	}
	if len(args) > 1 {
		var opts struct {
			Open *bool `json:"open"`
		}
		if json.Unmarshal(args[1], &opts) == nil && opts.Open != nil {
			first.Open = opts.Open
		}
	}
	if first.Open != nil {
		open = *first.Open
	}
	if !strings.Contains(first.URI, ":") {
		return "", false, errString("asyncapi.preview needs a document URI, not " + strconv.Quote(first.URI))
	}
	return uri.URI(first.URI), open, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// bufferSource renders a document as the editor holds it: the open buffer,
// unsaved edits included, and the other files through a snapshot.
type bufferSource struct {
	s   *Server
	uri uri.URI

	follow preview.Follower

	mu sync.Mutex
	// stamped holds the versions the last stamp named, so that their
	// addresses, which the stamp contains, are not reused meanwhile.
	stamped []any
}

// document is the open buffer, or the file on disk when it is closed.
func (b *bufferSource) document() (*analysis.Document, error) {
	if d := b.s.docs.get(b.uri); d != nil {
		return d, nil
	}
	return b.s.nav.ws.Load(string(b.uri))
}

// Stamp names the versions the page depends on: the document's and those
// of the files it reads (each a new value when its buffer or file changes).
func (b *bufferSource) Stamp() string {
	var sb strings.Builder
	var stamped []any
	if d, err := b.document(); err == nil {
		sb.WriteString(strconv.FormatInt(int64(d.Version), 10) + "@" + fmt.Sprintf("%p", d))
		stamped = append(stamped, d)
	}
	for _, f := range b.follow.Files() {
		sb.WriteByte(';')
		if d := b.s.docs.get(uri.URI(f)); d != nil {
			sb.WriteString(fmt.Sprintf("%p", d))
			stamped = append(stamped, d)
		} else if file, err := b.s.nav.ws.File(f); err == nil {
			sb.WriteString(fmt.Sprintf("%p", file))
			stamped = append(stamped, file)
		}
	}
	b.mu.Lock()
	b.stamped = stamped
	b.mu.Unlock()
	return sb.String()
}

func (b *bufferSource) Render(w io.Writer, opts preview.Options) error {
	doc, err := b.document()
	var page *preview.Page
	var files []string
	if err != nil {
		page = &preview.Page{Problems: []string{"The document cannot be read: " + err.Error()}, Broken: true}
	} else {
		snap := b.s.nav.ws.Snapshot(doc)
		page = preview.Build(snap)
		if !page.Broken {
			files = snap.Model().Files()
		}
	}
	return preview.Write(w, b.follow.Next(page, files), opts)
}
