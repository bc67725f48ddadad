// Package completion computes completion items for an offset of an AsyncAPI
// document: keys, values, "$ref" targets, names and snippets, all read from
// the schema model in schemas/ and from the document itself. It works from
// the text around the cursor, so it keeps working while the document does not
// parse. It takes bytes and byte offsets and returns plain values: it must not
// import go.lsp.dev, must not log, and must not import server/. Other files
// are read only through the request's workspace.Snapshot.
package completion
