package rpc

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
)

// Handler receives what the peer sends on its own initiative. OnRequest
// runs on the read loop, so it must not block on the connection; a nil
// result is sent as JSON null.
type Handler struct {
	OnRequest      func(method string, params json.RawMessage) (any, *Error)
	OnNotification func(method string, params json.RawMessage)
}

// ErrClosed is returned by calls on a connection whose reader has stopped.
var ErrClosed = errors.New("rpc: connection closed")

// Conn is one JSON-RPC connection over a byte stream.
type Conn struct {
	r       io.Reader
	w       io.Writer
	writeMu sync.Mutex
	handler Handler

	mu      sync.Mutex
	nextID  int64
	pending map[string]chan *Message
	err     error
	done    chan struct{}
}

// NewConn prepares a connection; nothing is read until Start, so handlers
// may refer to the returned Conn without racing its assignment.
func NewConn(r io.Reader, w io.Writer, h Handler) *Conn {
	return &Conn{r: r, w: w, handler: h, pending: map[string]chan *Message{}, done: make(chan struct{})}
}

// Start reads messages in the background until EOF or a framing error.
func (c *Conn) Start() *Conn {
	go c.readLoop(bufio.NewReaderSize(c.r, 1<<16))
	return c
}

// Done is closed when the read loop ends (EOF or a framing error).
func (c *Conn) Done() <-chan struct{} { return c.done }

// Err tells why the read loop ended.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *Conn) readLoop(r *bufio.Reader) {
	var err error
	for {
		var body []byte
		body, err = ReadMessage(r)
		if err != nil {
			break
		}
		var m Message
		if jerr := json.Unmarshal(body, &m); jerr != nil {
			continue // one garbled message must not end the benchmark
		}
		c.dispatch(&m)
	}
	c.mu.Lock()
	c.err = err
	for id, ch := range c.pending {
		close(ch)
		delete(c.pending, id)
	}
	c.mu.Unlock()
	close(c.done)
}

func (c *Conn) dispatch(m *Message) {
	switch {
	case m.IsRequest():
		var result any
		var rerr *Error
		if c.handler.OnRequest != nil {
			result, rerr = c.handler.OnRequest(m.Method, m.Params)
		} else {
			rerr = &Error{Code: CodeMethodNotFound, Message: "no handler"}
		}
		_ = c.reply(m.ID, result, rerr)
	case m.IsNotification():
		if c.handler.OnNotification != nil {
			c.handler.OnNotification(m.Method, m.Params)
		}
	default:
		c.mu.Lock()
		ch := c.pending[string(m.ID)]
		delete(c.pending, string(m.ID))
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

func (c *Conn) reply(id json.RawMessage, result any, rerr *Error) error {
	m := Message{JSONRPC: "2.0", ID: id, Error: rerr}
	if rerr == nil {
		raw, err := json.Marshal(result)
		if err != nil {
			return err
		}
		m.Result = raw // "null" when result is nil, which LSP requires
	}
	return c.send(&m)
}

func (c *Conn) send(m *Message) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	return WriteMessage(c.w, body)
}

// Notify sends a notification.
func (c *Conn) Notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.send(&Message{JSONRPC: "2.0", Method: method, Params: raw})
}

// Call sends a request and waits for its answer or ctx. When ctx ends
// first, the server is told with $/cancelRequest and ctx's error returned.
func (c *Conn) Call(ctx context.Context, method string, params any) (json.RawMessage, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.err != nil || isClosed(c.done) {
		c.mu.Unlock()
		return nil, ErrClosed
	}
	c.nextID++
	id := json.RawMessage(strconv.FormatInt(c.nextID, 10))
	ch := make(chan *Message, 1)
	c.pending[string(id)] = ch
	c.mu.Unlock()

	if err := c.send(&Message{JSONRPC: "2.0", ID: id, Method: method, Params: raw}); err != nil {
		c.forget(id)
		return nil, err
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return nil, ErrClosed
		}
		if m.Error != nil {
			return nil, m.Error
		}
		return m.Result, nil
	case <-ctx.Done():
		c.forget(id)
		// A server stuck in a handler may not be reading; never let the
		// cancel notice block the caller.
		go func() { _ = c.Notify("$/cancelRequest", map[string]any{"id": json.RawMessage(id)}) }()
		return nil, fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (c *Conn) forget(id json.RawMessage) {
	c.mu.Lock()
	delete(c.pending, string(id))
	c.mu.Unlock()
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
