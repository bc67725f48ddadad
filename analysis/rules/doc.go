// Package rules holds the semantic rules of asyncapi-ls, one per file, each
// an analysis.Rule with a stable code; All lists them. Rules read the parsed
// document through analysis.Pass and return byte-offset diagnostics. The
// package must not import go.lsp.dev, server/, cmd/ or any logging package,
// and must not read files itself (other documents come through the Pass).
package rules
