package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// The LSP framing (Content-Length headers) is read here rather than by
// jsonrpc2.NewHeaderStream, which trusts its peer more than we do:
//   - it allocates the whole declared body before reading it, so one header
//     claiming a gigabyte costs a gigabyte;
//   - it reads header lines without a length limit;
//   - a body that is not a JSON-RPC message ends the connection, where the
//     JSON-RPC specification asks for an error response.
//
// Here a body grows only as its bytes arrive, up to MaxMessageBytes; a
// larger message is read and dropped (the frame boundary is kept) and
// answered with an error; a malformed body is answered with an error. Only
// a broken header ends the connection, since the next frame cannot be
// found: the error says why, and Serve logs it.

// MaxMessageBytes caps one incoming message (a document opened in full
// travels in one message).
const MaxMessageBytes = 64 << 20

const (
	maxHeaderLine  = 4 << 10 // bytes in one header line
	maxHeaderLines = 32
	keepReadBuffer = 1 << 20 // a larger body buffer is not kept for the next frame
)

// errFraming reports a header that leaves the stream unreadable.
type errFraming struct{ reason string }

func (e errFraming) Error() string { return "LSP framing: " + e.reason }

type stream struct {
	conn io.ReadWriteCloser
	in   *bufio.Reader
	log  *zap.Logger
	rbuf []byte

	writeMu sync.Mutex
	wbuf    []byte
}

func newStream(conn io.ReadWriteCloser, log *zap.Logger) *stream {
	return &stream{conn: conn, in: bufio.NewReaderSize(conn, 64<<10), log: log}
}

// Read implements jsonrpc2.Stream.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	body, n, err := s.ReadFrame(ctx)
	if err != nil {
		return nil, 0, err
	}
	msg, err := jsonrpc2.DecodeMessage(body)
	return msg, n, err
}

// ReadFrame returns the body of the next frame that holds a JSON-RPC message
// (or a batch), answering malformed and oversized ones itself. jsonrpc2's
// connection reads through this method; the body is valid until the next call.
func (s *stream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		length, headerLen, err := s.readHeader()
		if err != nil {
			return nil, 0, err
		}
		if length > MaxMessageBytes {
			if _, err := io.CopyN(io.Discard, s.in, length); err != nil {
				return nil, 0, io.ErrUnexpectedEOF
			}
			s.log.Warn("message dropped: too large", zap.Int64("bytes", length), zap.Int("limit", MaxMessageBytes))
			s.reject(ctx, jsonrpc2.ID{}, jsonrpc2.InvalidRequest,
				fmt.Sprintf("message of %d bytes dropped: the limit is %d bytes", length, MaxMessageBytes))
			continue
		}
		body, err := s.readBody(int(length))
		if err != nil {
			return nil, 0, err
		}
		if id, code, msg, ok := checkMessage(body); !ok {
			s.log.Warn("malformed message answered with an error", zap.String("problem", msg),
				zap.ByteString("start", body[:min(len(body), 200)]))
			s.reject(ctx, id, code, msg)
			continue
		}
		return body, int64(headerLen) + length, nil
	}
}

// readHeader parses one header block and returns the declared length.
func (s *stream) readHeader() (length int64, consumed int, err error) {
	length = -1
	for lines := 0; ; lines++ {
		if lines == maxHeaderLines {
			return 0, 0, errFraming{"more than " + strconv.Itoa(maxHeaderLines) + " header lines"}
		}
		line, err := s.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) && consumed > 0 {
				err = io.ErrUnexpectedEOF
			}
			return 0, 0, err
		}
		consumed += len(line)
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			if lines == 0 {
				lines-- // tolerate stray blank lines between frames
				continue
			}
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return 0, 0, errFraming{fmt.Sprintf("header line without a colon: %q", line[:min(len(line), 80)])}
		}
		if !bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			continue
		}
		v := string(bytes.TrimSpace(value))
		n, perr := strconv.ParseInt(v, 10, 64)
		if perr != nil || n < 0 || (len(v) > 0 && v[0] == '+') {
			return 0, 0, errFraming{fmt.Sprintf("bad Content-Length %q", v[:min(len(v), 40)])}
		}
		length = n
	}
	if length <= 0 {
		return 0, 0, errFraming{"header without a positive Content-Length"}
	}
	return length, consumed, nil
}

// readLine reads one header line, at most maxHeaderLine bytes.
func (s *stream) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := s.in.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxHeaderLine {
			return nil, errFraming{"header line longer than " + strconv.Itoa(maxHeaderLine) + " bytes"}
		}
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(line) > 0:
			return nil, io.ErrUnexpectedEOF
		default:
			return nil, err
		}
	}
}

// readBody reads length bytes; the buffer grows with the bytes that actually
// arrive, so a false Content-Length costs nothing.
func (s *stream) readBody(length int) ([]byte, error) {
	if length <= cap(s.rbuf) {
		body := s.rbuf[:length]
		if _, err := io.ReadFull(s.in, body); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return body, nil
	}
	var buf bytes.Buffer
	buf.Grow(min(length, keepReadBuffer))
	if _, err := io.CopyN(&buf, s.in, int64(length)); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	body := buf.Bytes()
	if cap(body) <= keepReadBuffer {
		s.rbuf = body
	}
	return body, nil
}

// checkMessage decides whether jsonrpc2 can take body; when it cannot, it
// returns the id to answer (null when none can be read) and the error.
//
// A message that decodes is valid JSON: the separate scan for validity is
// made only for a batch or a message that does not decode (on a big
// didOpen it would be one more pass over megabytes).
func checkMessage(body []byte) (jsonrpc2.ID, jsonrpc2.Code, string, bool) {
	invalid := func() (jsonrpc2.ID, jsonrpc2.Code, string, bool) {
		return jsonrpc2.ID{}, jsonrpc2.ParseError, "the message is not valid JSON", false
	}
	if t := bytes.TrimLeft(body, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		if !json.Valid(body) {
			return invalid()
		}
		return jsonrpc2.ID{}, 0, "", true // a batch: jsonrpc2 answers bad members itself
	}
	if _, err := jsonrpc2.DecodeMessage(body); err != nil {
		if !json.Valid(body) {
			return invalid()
		}
		var probe struct {
			ID any `json:"id"`
		}
		var id jsonrpc2.ID
		if json.Unmarshal(body, &probe) == nil {
			switch v := probe.ID.(type) {
			case float64:
				if v == float64(int64(v)) {
					id = jsonrpc2.NewNumberID(int64(v))
				}
			case string:
				id = jsonrpc2.NewStringID(v)
			}
		}
		return id, jsonrpc2.InvalidRequest, "not a JSON-RPC 2.0 message: " + err.Error(), false
	}
	return jsonrpc2.ID{}, 0, "", true
}

// reject answers a message the connection never sees.
func (s *stream) reject(ctx context.Context, id jsonrpc2.ID, code jsonrpc2.Code, msg string) {
	if _, err := s.Write(ctx, jsonrpc2.NewResponse(id, nil, jsonrpc2.NewError(code, msg))); err != nil {
		s.log.Warn("could not answer a rejected message", zap.Error(err))
	}
}

// Write implements jsonrpc2.Stream: one message, one write.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	body := jsonrpc2.AppendMessage(nil, msg)
	return s.writeLocked(body)
}

// WriteFrame frames an encoded body (jsonrpc2 uses it for batch answers).
func (s *stream) WriteFrame(ctx context.Context, data []byte) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return s.writeLocked(data)
}

func (s *stream) writeLocked(body []byte) (int64, error) {
	buf := append(s.wbuf[:0], "Content-Length: "...)
	buf = strconv.AppendInt(buf, int64(len(body)), 10)
	buf = append(buf, "\r\n\r\n"...)
	buf = append(buf, body...)
	if cap(buf) <= keepReadBuffer {
		s.wbuf = buf
	}
	n, err := s.conn.Write(buf)
	return int64(n), err
}

// Close implements jsonrpc2.Stream.
func (s *stream) Close() error { return s.conn.Close() }
