package main

import (
	"encoding/json"
	"errors"
	"sync"

	"asyncapi-ls/bench/internal/rpc"
)

var errServerGone = errors.New("server exited or closed its output")

// session is one running server with the client state the driver keeps:
// diagnostics received, settings to answer with, server requests seen.
type session struct {
	proc     *serverProcess
	conn     *rpc.Conn
	diags    *diagTracker
	settings settings
	rootURI  string

	mu             sync.Mutex
	serverRequests map[string]int
	configAsked    chan struct{}
	configOnce     sync.Once

	// progress records the work-done progress the server reports: when
	// the first one began and when the last open one ended.
	progress progressTracker
}

func newSession(proc *serverProcess, s settings, rootURI string) *session {
	ss := &session{
		proc: proc, diags: newDiagTracker(), settings: s, rootURI: rootURI,
		serverRequests: map[string]int{}, configAsked: make(chan struct{}),
	}
	ss.conn = rpc.NewConn(proc.stdout, proc.stdin, rpc.Handler{
		OnRequest:      ss.answer,
		OnNotification: ss.notified,
	})
	ss.conn.Start()
	return ss
}

// answer replies to the server's own requests the way an editor would.
func (s *session) answer(method string, params json.RawMessage) (any, *rpc.Error) {
	s.mu.Lock()
	s.serverRequests[method]++
	s.mu.Unlock()
	switch method {
	case "workspace/configuration":
		defer s.configOnce.Do(func() { close(s.configAsked) })
		return s.settings.answerConfiguration(params), nil
	case "workspace/workspaceFolders":
		return []map[string]string{{"uri": s.rootURI, "name": "bench"}}, nil
	}
	// client/registerCapability, window/workDoneProgress/create,
	// window/showMessageRequest and anything else: a null result is a
	// valid "yes" or "no choice".
	return nil, nil
}

func (s *session) notified(method string, params json.RawMessage) {
	if method == "$/progress" {
		s.progress.add(params)
		return
	}
	if method != "textDocument/publishDiagnostics" {
		return
	}
	var p publishDiagnosticsParams
	if json.Unmarshal(params, &p) == nil {
		s.diags.add(p.URI, p.Version, len(p.Diagnostics))
	}
}

func (s *session) requestCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.serverRequests))
	for k, v := range s.serverRequests {
		out[k] = v
	}
	return out
}

// gone is closed when the server can no longer answer.
func (s *session) gone() <-chan struct{} { return s.conn.Done() }
