package server

import (
	"context"
	"sync"
	"time"

	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// outbox is the one queue of notifications to the client
// (publishDiagnostics, showMessage, $/progress). Handlers, the diagnostics
// runs and background work post to it and return at once; one goroutine
// writes, in order. So the read loop never waits on the client (a client
// blocked writing to us while we wait to write to it would stall both), and
// no two goroutines race to the wire. A publishDiagnostics still waiting is
// replaced by a newer one of the same document: the client wants the
// newest. Requests to the client (workspace/configuration,
// client/registerCapability, window/workDoneProgress/create) need their
// answer, which the read loop delivers: they are made from background
// goroutines (Server.background), never from the read loop either.
type outbox struct {
	log *zap.Logger

	mu      sync.Mutex
	queue   []outgoing
	closed  bool
	wake    chan struct{} // a post since the writer last looked
	ctx     context.Context
	cancel  context.CancelFunc
	done    chan struct{} // closed when the writer returns
	started bool
}

// outgoing is one notification: how to send it, and, for diagnostics, the
// document it replaces older ones of.
type outgoing struct {
	method string
	doc    uri.URI
	send   func(ctx context.Context) error
}

func newOutbox(log *zap.Logger) *outbox {
	ctx, cancel := context.WithCancel(context.Background())
	return &outbox{log: log, wake: make(chan struct{}, 1), ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// start runs the writer; close stops it.
func (o *outbox) start() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.started || o.closed {
		return
	}
	o.started = true
	go o.write()
}

// post queues a notification. doc, when set, names the document whose
// diagnostics send publishes: a waiting one of the same document is
// replaced in place. After close, posts are dropped.
func (o *outbox) post(method string, doc uri.URI, send func(ctx context.Context) error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return
	}
	msg := outgoing{method: method, doc: doc, send: send}
	replaced := false
	if doc != "" {
		for i := range o.queue {
			if o.queue[i].doc == doc {
				o.queue[i], replaced = msg, true
				break
			}
		}
	}
	if !replaced {
		o.queue = append(o.queue, msg)
	}
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *outbox) write() {
	defer close(o.done)
	for {
		select {
		case <-o.ctx.Done():
			return
		case <-o.wake:
		}
		for {
			o.mu.Lock()
			if len(o.queue) == 0 || o.ctx.Err() != nil {
				o.mu.Unlock()
				break
			}
			msg := o.queue[0]
			o.queue[0] = outgoing{}
			o.queue = o.queue[1:]
			o.mu.Unlock()
			if err := msg.send(o.ctx); err != nil && o.ctx.Err() == nil {
				o.log.Warn("notification not delivered", zap.String("method", msg.method), zap.Error(err))
			}
		}
	}
}

// close drops what was not written, stops the writer and waits for it, up
// to wait: a write blocked on a client that reads nothing ends when the
// connection closes.
func (o *outbox) close(wait time.Duration) {
	o.mu.Lock()
	o.closed = true
	o.queue = nil
	started := o.started
	o.mu.Unlock()
	o.cancel()
	if !started {
		return
	}
	select {
	case <-o.done:
	case <-time.After(wait):
		o.log.Warn("the notification writer did not stop")
	}
}
