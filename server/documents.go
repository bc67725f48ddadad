package server

import (
	"sync"

	"asyncapi-ls/analysis"

	"go.lsp.dev/uri"
)

// documents holds the newest version of every open document. Each version is
// an immutable analysis.Document, so a reader's snapshot never changes under it.
type documents struct {
	mu   sync.RWMutex
	open map[uri.URI]*analysis.Document
}

func newDocuments() *documents { return &documents{open: map[uri.URI]*analysis.Document{}} }

func (d *documents) get(u uri.URI) *analysis.Document {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.open[u]
}

func (d *documents) set(u uri.URI, doc *analysis.Document) {
	d.mu.Lock()
	d.open[u] = doc
	d.mu.Unlock()
}

func (d *documents) remove(u uri.URI) {
	d.mu.Lock()
	delete(d.open, u)
	d.mu.Unlock()
}
