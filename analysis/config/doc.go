// Package config turns what users choose — the project file .asyncapi-ls.yaml
// and the editor's "asyncapi" settings — into analysis.Options, through one
// constructor (New) that the server and the check command both call, so that
// the editor and CI report the same diagnostics. It reads the project file
// and referenced documents from disk; it must not import go.lsp.dev, server/
// or cmd/, and must not log: problems are returned as values with byte
// offsets into the project file.
package config
