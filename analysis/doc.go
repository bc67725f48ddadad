// Package analysis owns the document model of asyncapi-ls and turns a parsed
// document into diagnostics. It works in byte offsets and plain Go values: it
// must not import go.lsp.dev, must not log, and must not import server/,
// completion/ or hover/. Sub-packages: source (text and positions), syntax
// (YAML/JSON trees with spans) and model (the API a document describes,
// which Document.Model caches per version).
package analysis
