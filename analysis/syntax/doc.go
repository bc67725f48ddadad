// Package syntax parses YAML and JSON text into one tree in which every key and
// value carries its byte span, and answers "what is at this offset". It owns
// syntax errors and their locations. It knows nothing of AsyncAPI and must not
// import go.lsp.dev, a logger, or any other project package but analysis/source.
package syntax
