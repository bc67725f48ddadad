// Package refs owns the meaning of a "$ref": it turns a reference written in
// a document into one normalised key (absolute URI + JSON pointer), follows a
// pointer through a parsed tree, finds every "$ref" of a tree, and knows which
// kind of AsyncAPI object a position expects and a pointer names.
//
// It works on syntax trees, URIs and strings only: it must not import
// analysis (analysis imports it), go.lsp.dev, a logger, or the file system.
// Loading other documents is the caller's business.
package refs
