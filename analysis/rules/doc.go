// Package rules holds the semantic rules of asyncapi-ls, one per file, each
// an analysis.Rule with a stable code (codes.go); All lists them. Rules read
// the API model (Pass.Model: servers, channels, operations, messages,
// traits, security, parameters, tags, bindings and how they connect, 2.x
// and 3.x in one shape; api.go gives the lists they share, from one walk
// per pass) and, for what the model does not hold (JSON Schema keywords
// inside schemas, whether a root key is written at all), the parsed
// document, through analysis.Pass, and return byte-offset diagnostics. The
// package must not import go.lsp.dev, server/, cmd/ or any logging package,
// and must not read files itself (other documents come through the Pass).
package rules
