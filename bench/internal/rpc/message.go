package rpc

import (
	"encoding/json"
	"fmt"
)

// Message is any JSON-RPC 2.0 message; which fields are set says its kind.
type Message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *Error          `json:"error,omitempty"`
}

// IsRequest reports a call from the peer that needs an answer.
func (m *Message) IsRequest() bool { return m.Method != "" && len(m.ID) > 0 && string(m.ID) != "null" }

// IsNotification reports a call that needs no answer.
func (m *Message) IsNotification() bool { return m.Method != "" && !m.IsRequest() }

// Error is a JSON-RPC error object.
type Error struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (e *Error) Error() string { return fmt.Sprintf("rpc error %d: %s", e.Code, e.Message) }

// Standard codes used by the driver and its fake server.
const (
	CodeMethodNotFound   = -32601
	CodeRequestCancelled = -32800
)
