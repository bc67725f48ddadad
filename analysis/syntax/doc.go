// Package syntax parses YAML and JSON text into one tree in which every key and
// value carries its byte span, and answers "what is at this offset". It owns
// syntax errors and their locations. YAML is read by the block reader when the
// text is in the common block form, else by yaml.v3, which is the reference
// the block reader is tested against and the source of every YAML error. It
// knows nothing of AsyncAPI and must not
// import go.lsp.dev, a logger, or any other project package but analysis/source.
package syntax
