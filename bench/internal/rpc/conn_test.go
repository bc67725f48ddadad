package rpc

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"
)

// pipePair connects two Conns back to back.
func pipePair(a, b Handler) (*Conn, *Conn) {
	ar, bw := io.Pipe()
	br, aw := io.Pipe()
	return NewConn(ar, aw, a).Start(), NewConn(br, bw, b).Start()
}

func TestCallAndServerRequest(t *testing.T) {
	notes := make(chan string, 1)
	client, _ := pipePair(Handler{}, Handler{
		OnRequest: func(method string, params json.RawMessage) (any, *Error) {
			if method == "echo" {
				return json.RawMessage(params), nil
			}
			return nil, &Error{Code: CodeMethodNotFound, Message: method}
		},
		OnNotification: func(method string, _ json.RawMessage) { notes <- method },
	})
	ctx := context.Background()
	got, err := client.Call(ctx, "echo", map[string]int{"x": 1})
	if err != nil || string(got) != `{"x":1}` {
		t.Fatalf("echo: %s, %v", got, err)
	}
	_, err = client.Call(ctx, "nope", nil)
	var rerr *Error
	if !errors.As(err, &rerr) || rerr.Code != CodeMethodNotFound {
		t.Fatalf("want method-not-found, got %v", err)
	}
	if err := client.Notify("hello", nil); err != nil {
		t.Fatal(err)
	}
	if m := <-notes; m != "hello" {
		t.Errorf("notification %q", m)
	}
}

func TestNullResultIsSent(t *testing.T) {
	client, _ := pipePair(Handler{}, Handler{
		OnRequest: func(string, json.RawMessage) (any, *Error) { return nil, nil },
	})
	got, err := client.Call(context.Background(), "x", nil)
	if err != nil || string(got) != "null" {
		t.Fatalf("got %q, %v; want null", got, err)
	}
}

func TestCallTimesOutOnSilentPeer(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	client, _ := pipePair(Handler{}, Handler{
		OnRequest: func(string, json.RawMessage) (any, *Error) {
			<-block // never answers while the test runs
			return nil, nil
		},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := client.Call(ctx, "slow", nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want deadline exceeded, got %v", err)
	}
	if time.Since(start) > time.Second {
		t.Error("timeout took too long")
	}
}

func TestCallAfterCloseFails(t *testing.T) {
	r, w := io.Pipe()
	c := NewConn(r, io.Discard, Handler{}).Start()
	w.Close()
	<-c.Done()
	if _, err := c.Call(context.Background(), "x", nil); !errors.Is(err, ErrClosed) {
		t.Fatalf("want ErrClosed, got %v", err)
	}
}
