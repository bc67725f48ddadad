// Command lspbench measures any language server over stdio: initialize,
// diagnostics after open and after edits, request latencies with result
// counts, and the server's peak memory. It speaks LSP with its own small
// JSON-RPC client so that it judges every server, ours included, the same way.
//
//	go run ./bench/lspbench -server "asyncapi-ls" -doc asyncapi-3.0.0-100.yaml
//
// The result is a human table on stdout and, with -json, a machine-readable
// file.
package main
