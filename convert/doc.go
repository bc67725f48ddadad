// Package convert converts AsyncAPI documents to a newer version: 2.0–2.6
// to 3.0.0 (or 3.1.0), and 3.0.0 to 3.1.0, with the meaning of the official
// converter (@asyncapi/converter 2.0.2), keeping the author's text.
//
// The conversion edits a tree over the original syntax tree (node): parts
// that do not change are never rebuilt. The printer writes the result by
// copying the original bytes of every unchanged part — comments, blank
// lines, key order, quoting — shifting their lines when they move to
// another indentation, and writes only new content in the document's style
// (indentation, sequence layout, quotes, line breaks; JSON stays JSON). The
// copied stretches that keep their order give the text edits (Result.Edits)
// that an editor applies as one change.
//
// It takes an analysis.Document and returns plain values with byte offsets;
// it must not import go.lsp.dev, server/ or cmd/, and must not log.
package convert
