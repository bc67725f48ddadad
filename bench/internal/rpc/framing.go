package rpc

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxBody caps one message; a server answering references on a huge file
// can send megabytes, but not gigabytes.
const maxBody = 256 << 20

// ReadMessage reads one framed message body. Header names are matched
// case-insensitively and headers other than Content-Length are ignored.
func ReadMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line == "" && length < 0 {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("rpc: reading header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if length < 0 {
				return nil, fmt.Errorf("rpc: message without Content-Length")
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("rpc: malformed header %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 || n > maxBody {
				return nil, fmt.Errorf("rpc: bad Content-Length %q", value)
			}
			length = n
		}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("rpc: reading body: %w", err)
	}
	return body, nil
}

// WriteMessage writes one framed message in a single Write, so concurrent
// writers serialised by a mutex never interleave header and body.
func WriteMessage(w io.Writer, body []byte) error {
	header := "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n"
	buf := make([]byte, 0, len(header)+len(body))
	buf = append(buf, header...)
	buf = append(buf, body...)
	_, err := w.Write(buf)
	return err
}
