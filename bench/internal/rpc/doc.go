// Package rpc owns the bench driver's JSON-RPC 2.0 plumbing: LSP's
// Content-Length framing and a connection that matches replies to calls and
// hands the peer's own requests and notifications to callbacks.
//
// It is deliberately independent of go.lsp.dev: the driver must measure any
// server, including ours, through nothing but the wire protocol.
package rpc
