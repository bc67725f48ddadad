// Package fix computes quick fixes for diagnostics: plain byte-offset edits
// of one document, which the server turns into LSP code actions. It must not
// import go.lsp.dev, server/ or cmd/, and must not log.
package fix
