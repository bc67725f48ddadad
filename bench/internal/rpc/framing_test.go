package rpc

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestFramingRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	bodies := []string{`{"a":1}`, `{}`, `{"text":"héllo\r\n"}`}
	for _, b := range bodies {
		if err := WriteMessage(&buf, []byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	r := bufio.NewReader(&buf)
	for _, want := range bodies {
		got, err := ReadMessage(r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if _, err := ReadMessage(r); err != io.EOF {
		t.Errorf("want io.EOF at the end, got %v", err)
	}
}

func TestReadMessageHeaders(t *testing.T) {
	in := "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}" +
		"Content-Length:3\n\n[1]"
	r := bufio.NewReader(strings.NewReader(in))
	for _, want := range []string{"{}", "[1]"} {
		got, err := ReadMessage(r)
		if err != nil || string(got) != want {
			t.Fatalf("got %q, %v; want %q", got, err, want)
		}
	}
}

func TestReadMessageErrors(t *testing.T) {
	for _, in := range []string{
		"Content-Type: x\r\n\r\n{}",    // no length
		"Content-Length: abc\r\n\r\n",  // bad length
		"Content-Length: -1\r\n\r\n",   // negative
		"garbage\r\n\r\n",              // no colon
		"Content-Length: 10\r\n\r\n{}", // short body
		"Content-Length: 2\r\n",        // header cut off
	} {
		if _, err := ReadMessage(bufio.NewReader(strings.NewReader(in))); err == nil || err == io.EOF {
			t.Errorf("%q: want a framing error, got %v", in, err)
		}
	}
}
