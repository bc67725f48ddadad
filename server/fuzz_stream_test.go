package server

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// fuzzHang is how long one input may take while fuzzing before a target
// reports a hang (a crash the fuzzer records as a failing input). Seeds run
// as plain tests, perhaps under -race, get much longer.
func fuzzHang() time.Duration {
	if f := flag.Lookup("test.fuzz"); f != nil && f.Value.String() != "" {
		return 10 * time.Second
	}
	return 2 * time.Minute
}

func watchdog(target string, input []byte) func() bool {
	limit := fuzzHang()
	return time.AfterFunc(limit, func() {
		panic(fmt.Sprintf("%s: one input took over %v: %q", target, limit, input[:min(len(input), 2000)]))
	}).Stop
}

// garbageConn reads a fixed input and records what is written.
type garbageConn struct {
	io.Reader
	out bytes.Buffer
}

func (c *garbageConn) Write(p []byte) (int, error) { return c.out.Write(p) }
func (c *garbageConn) Close() error                { return nil }

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

func streamSeeds(f *testing.F) {
	for _, s := range []string{
		frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`),
		frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) + frame(`{"jsonrpc":"2.0","id":"x","method":"shutdown"}`),
		frame(`{"jsonrpc":"2.0","id":1,"method":"initialize"`),
		frame(`[{"jsonrpc":"2.0","id":1,"method":"a"},1,[]]`),
		frame(`{"jsonrpc":"2.0","id":1}`) + frame(`{}`) + frame(`42`),
		"Content-Length: 1000000000\r\n\r\n{}",
		"Content-Length: -5\r\n\r\n",
		"Content-Length: 99999999999999999999999\r\n\r\n",
		"content-length:2\nContent-Type: x\n\n{}",
		"\r\n\r\n" + frame(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}`),
		"garbage without a colon\r\n\r\n",
		"Content-Length: 10\r\n\r\nshort",
	} {
		f.Add([]byte(s))
	}
}

// FuzzStream reads garbage through the server's framing: it ends (the input
// is finite), never panics, and every frame it passes on decodes as a
// JSON-RPC message, so jsonrpc2 never drops the connection over content.
func FuzzStream(f *testing.F) {
	streamSeeds(f)
	f.Fuzz(func(t *testing.T, input []byte) {
		defer watchdog("FuzzStream", input)()
		conn := &garbageConn{Reader: bytes.NewReader(input)}
		s := newStream(conn, zap.NewNop())
		for i := 0; ; i++ {
			body, n, err := s.ReadFrame(context.Background())
			if err != nil {
				break
			}
			if n <= 0 || int(n) > len(input) {
				t.Fatalf("frame %d: %d wire bytes from %d input bytes", i, n, len(input))
			}
			if body[0] != '[' {
				if _, err := jsonrpc2.DecodeMessage(body); err != nil {
					t.Fatalf("frame %d passed on but does not decode: %v: %q", i, err, body)
				}
			}
		}
		// Every answer we wrote is a well-formed frame.
		out := &garbageConn{Reader: bytes.NewReader(conn.out.Bytes())}
		rs := newStream(out, zap.NewNop())
		for {
			if _, _, err := rs.ReadFrame(context.Background()); err != nil {
				if err != io.EOF {
					t.Fatalf("our own answers do not frame: %v: %q", err, conn.out.Bytes())
				}
				break
			}
		}
	})
}

// FuzzServe runs a whole server session on garbage input: Serve returns once
// the input ends, whatever it held.
func FuzzServe(f *testing.F) {
	streamSeeds(f)
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.yaml","languageId":"yaml","version":1,"text":"asyncapi: 3.0.0\n"}}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.yaml"},"position":{"line":0,"character":3}}}`)))
	f.Fuzz(func(t *testing.T, input []byte) {
		defer watchdog("FuzzServe", input)()
		conn := &garbageConn{Reader: bytes.NewReader(input)}
		s := New(Options{Debounce: time.Millisecond})
		s.Serve(context.Background(), conn)
	})
}
