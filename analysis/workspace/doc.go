// Package workspace owns the set of documents that references can reach:
// open editor buffers (which override the disk), files read from disk
// (regular files only, size-capped), remote documents when the user allows
// them, and the AsyncAPI documents found under the workspace folders. It
// resolves "$ref" keys across files and answers "who depends on this file".
// Features read it through a Snapshot, one request's pinned view.
//
// It works on analysis documents, byte offsets and plain values: it must not
// import go.lsp.dev, must not log, and must not import server/.
package workspace
