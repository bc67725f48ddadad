// Package server is the LSP front of asyncapi-ls: it owns the JSON-RPC wiring,
// the session lifecycle, the open documents and the diagnostics schedule, and
// converts between protocol values and the byte offsets of the feature
// packages. It is the only package besides cmd/ that imports go.lsp.dev or
// logs. Handlers stay thin: request → snapshot → feature package → protocol
// result.
package server
