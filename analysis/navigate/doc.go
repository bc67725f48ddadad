// Package navigate answers the navigation requests of an editor on AsyncAPI
// documents: go to definition, references, highlights, rename, document and
// workspace symbols, folding and selection ranges, document links and
// reference counts. Byte offsets in, plain values out.
//
// Every request is answered on one workspace.Snapshot: the document asked
// about and the other files as the snapshot pinned them, through which it
// reads the workspace index and the files references reach; the meaning of
// references comes from analysis/refs. It must not import go.lsp.dev, must
// not log, must not import server/, and must not read files any other way.
package navigate
