// Package model owns the API an AsyncAPI document describes: its servers,
// channels, operations, messages, traits, security, tags and components, how
// they connect, and where each is written. 2.x and 3.x documents give one
// shape where the meaning is the same (a 2.x publish or subscribe is an
// Operation with an action, a channel and messages, as in 3.x).
//
// Build makes a Model from a syntax tree; every element keeps its key and
// value nodes, its file and JSON pointer, the "$ref" it was reached through
// and what that reference resolved to, across files. Other files are read
// only through the refs.Loader the caller passes (a snapshot of the
// workspace); a reference that cannot be followed, or leads to the wrong
// kind of object, leaves its element in the model with the problem recorded.
// A list of elements (a server's variables, a channel's parameters, a
// scheme's flows …) is nil when its field is absent or of the wrong type,
// and empty when it is written empty. A Model is immutable once built and safe for concurrent readers.
//
// It works on syntax trees and plain values: it must not import analysis
// (which caches models on its documents), go.lsp.dev, server/, completion/
// or hover/, a logger, or the file system.
package model
