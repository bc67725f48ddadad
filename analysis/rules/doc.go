// Package rules holds the semantic rules of asyncapi-ls, one per file, each
// an analysis.Rule with a stable code (codes.go); All lists them. Rules read
// the API model (Pass.Model: servers, channels, operations, messages and
// how they connect, 2.x and 3.x in one shape) and, for what the model does
// not hold (schemas, the spans of keys), the parsed document, through
// analysis.Pass, and return byte-offset diagnostics. The
// package must not import go.lsp.dev, server/, cmd/ or any logging package,
// and must not read files itself (other documents come through the Pass).
package rules
