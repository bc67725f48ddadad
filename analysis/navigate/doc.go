// Package navigate answers the navigation requests of an editor on AsyncAPI
// documents: go to definition, references, highlights, rename, document and
// workspace symbols, folding and selection ranges, document links and
// reference counts. Byte offsets in, plain values out.
//
// It reads documents and the workspace index (analysis/workspace) and the
// meaning of references (analysis/refs). It must not import go.lsp.dev, must
// not log, and must not import server/.
package navigate
