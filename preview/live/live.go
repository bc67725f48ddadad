// Package live serves rendered pages on 127.0.0.1 and tells open pages when
// their document changed (long polling), for `asyncapi-ls preview` and the language
// server's asyncapi.preview command.
//
// Every URL starts with an unguessable token (a request without it gets
// 403), every page response carries a Content-Security-Policy with a fresh
// nonce, and the server only ever listens on the loopback address. It
// returns errors and never logs; it must not import go.lsp.dev or server/.
package live

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"asyncapi-ls/preview"
)

// Source is one document the server shows.
type Source interface {
	// Stamp changes whenever the page may have changed (the document or a
	// file it references); it is called often and must be cheap.
	Stamp() string
	// Render writes the page with the given options.
	Render(w io.Writer, opts preview.Options) error
}

// Server serves pages until Close.
type Server struct {
	token string
	base  string // "http://127.0.0.1:port/token/"
	srv   *http.Server
	ln    net.Listener
	poll  time.Duration

	mu    sync.Mutex
	pages map[string]*page // by id
	byKey map[string]string
	next  int
	done  chan struct{}
}

type page struct {
	src  Source
	wake chan struct{} // closed and replaced on Notify
}

// Options tune a server; the zero value is usable.
type Options struct {
	Port int           // 0 picks a free port
	Poll time.Duration // how often open pages check their stamp (default 150 ms)
}

// Start listens on 127.0.0.1 and serves in the background.
func Start(opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port)))
	if err != nil {
		return nil, fmt.Errorf("cannot listen on 127.0.0.1:%d: %w", opts.Port, err)
	}
	var b [24]byte
	_, _ = rand.Read(b[:])
	s := &Server{
		token: base64.RawURLEncoding.EncodeToString(b[:]),
		ln:    ln,
		poll:  opts.Poll,
		pages: map[string]*page{},
		byKey: map[string]string{},
		done:  make(chan struct{}),
	}
	if s.poll <= 0 {
		s.poll = 150 * time.Millisecond
	}
	s.base = "http://" + ln.Addr().String() + "/" + s.token + "/"
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln) //nolint:errcheck // Serve returns ErrServerClosed after Close
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Show serves src under key (a document URI): the same key keeps its URL and
// open pages refresh to the new source. It returns the page's URL.
func (s *Server) Show(key string, src Source) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.byKey[key]
	if !ok {
		s.next++
		id = strconv.Itoa(s.next)
		s.byKey[key] = id
		s.pages[id] = &page{src: src, wake: make(chan struct{})}
	} else {
		p := s.pages[id]
		p.src = src
		close(p.wake)
		p.wake = make(chan struct{})
	}
	return s.base + "d/" + id + "/"
}

// Notify wakes the open pages of key now instead of at their next poll.
func (s *Server) Notify(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.byKey[key]; ok {
		p := s.pages[id]
		close(p.wake)
		p.wake = make(chan struct{})
	}
}

// Close stops the server and ends every open page's event stream.
func (s *Server) Close() error {
	select {
	case <-s.done:
		return nil
	default:
		close(s.done)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = s.srv.Close()
	}
	return err
}

func (s *Server) lookup(id string) (Source, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.pages[id]
	if p == nil {
		return nil, nil
	}
	return p.src, p.wake
}

// ServeHTTP checks the token, then serves /TOKEN/d/ID/ (the page; also as
// /TOKEN/d/ID/page), /TOKEN/d/ID/content (its contents alone, fetched by the
// live script) and /TOKEN/d/ID/events?since=STAMP (answers when the page
// changed).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	rest, ok := s.authorized(r.URL.Path)
	if !ok {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 || parts[0] != "d" {
		http.NotFound(w, r)
		return
	}
	src, wake := s.lookup(parts[1])
	if src == nil {
		http.NotFound(w, r)
		return
	}
	switch parts[2] {
	case "", "page":
		s.servePage(w, src, false)
	case "content":
		s.servePage(w, src, true)
	case "events":
		s.serveEvents(w, r, parts[1], src, wake)
	default:
		http.NotFound(w, r)
	}
}

// authorized strips "/TOKEN/" from path, comparing in constant time.
func (s *Server) authorized(path string) (string, bool) {
	path = strings.TrimPrefix(path, "/")
	tok, rest, _ := strings.Cut(path, "/")
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
		return "", false
	}
	return rest, true
}

func (s *Server) servePage(w http.ResponseWriter, src Source, fragment bool) {
	nonce := preview.NewNonce()
	var buf bytes.Buffer
	// The stamp before rendering: a change during the render is announced.
	stamp := src.Stamp()
	if err := src.Render(&buf, preview.Options{Nonce: nonce, Live: true, Fragment: fragment, Stamp: stamp}); err != nil {
		http.Error(w, "the page cannot be rendered: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", preview.CSP(nonce))
	h.Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// serveEvents answers a page waiting for a change (long polling, which
// passes through any proxy, unlike a stream that code-server's port
// forwarding broke): GET events?since=STAMP answers {"stamp": …} as soon as
// the source's stamp differs from STAMP or the source is replaced, and after
// holdFor with the same stamp when nothing changed; the page asks again.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request, id string, src Source, wake <-chan struct{}) {
	since := r.URL.Query().Get("since")
	stamp := src.Stamp()
	tick := time.NewTicker(s.poll)
	defer tick.Stop()
	timeout := time.NewTimer(holdFor)
	defer timeout.Stop()
	for stamp == since {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			http.Error(w, "the preview stopped", http.StatusServiceUnavailable)
			return
		case <-wake:
			if src, wake = s.lookup(id); src == nil {
				http.NotFound(w, r)
				return
			}
			stamp = src.Stamp() + "\x00replaced" // differs from since: answered below
		case <-tick.C:
			stamp = src.Stamp()
		case <-timeout.C:
			since = "\x01" // answer with the unchanged stamp
		}
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	body, _ := json.Marshal(struct {
		Stamp   string `json:"stamp"`
		Changed bool   `json:"changed"`
	}{strings.TrimSuffix(stamp, "\x00replaced"), since != "\x01"})
	_, _ = w.Write(body)
}

// holdFor is how long a page's question waits for a change before the
// answer "nothing changed" (well below the idle timeouts of proxies).
const holdFor = 25 * time.Second
