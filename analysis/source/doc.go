// Package source owns the text of one document version and the conversion
// between byte offsets and editor positions (UTF-8, UTF-16 or UTF-32 code
// units). It is the only place in the project that counts code units; every
// other package works in byte offsets. It imports nothing from the project and
// nothing from go.lsp.dev.
package source
