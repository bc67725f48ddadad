// Package hover explains what is under the cursor in an AsyncAPI document: a
// key's description from the schema model, a "$ref" target's preview, a
// channel parameter or server variable definition, the version. It takes
// bytes and byte offsets and returns Markdown with a byte span; it must not
// import go.lsp.dev, must not log, and must not import server/. Other files
// are read only through the request's workspace.Snapshot.
package hover
