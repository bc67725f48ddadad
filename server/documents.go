package server

import (
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"

	"go.lsp.dev/uri"
)

// documents holds the newest version of every open document. Each version is
// an immutable analysis.Document, so a reader's snapshot never changes under it.
type documents struct {
	mu   sync.RWMutex
	open map[uri.URI]*analysis.Document
	// lastGood is the tree of the newest version that parsed, kept for
	// completion and hover while the current text does not. Only the tree:
	// that version's text, line table and model are garbage once edited.
	lastGood map[uri.URI]goodTree
	// ws sees every open version too: open buffers override the disk for
	// references (see navstate.go).
	ws *workspace.Workspace
	// last is the document opened or edited last (asyncapi.preview without
	// an argument, as Helix sends it, previews it).
	last uri.URI
}

func newDocuments() *documents {
	return &documents{open: map[uri.URI]*analysis.Document{}, lastGood: map[uri.URI]goodTree{}}
}

// goodTree is the tree of one version that parsed.
type goodTree struct {
	version int32
	root    *syntax.Node
}

// tree returns the parsed tree of doc, or of the last version of the same
// document that parsed; current tells which. With wait unset, a version not
// parsed yet is not parsed here: the older tree answers at once.
func (d *documents) tree(u uri.URI, doc *analysis.Document, wait bool) (root *syntax.Node, current bool) {
	if !wait && !doc.Parsed() {
		d.mu.RLock()
		good, ok := d.lastGood[u]
		d.mu.RUnlock()
		if ok {
			return good.root, false
		}
	}
	if root := doc.Root(); root != nil {
		d.mu.Lock()
		if prev, ok := d.lastGood[u]; !ok || prev.version <= doc.Version {
			d.lastGood[u] = goodTree{doc.Version, root}
		}
		d.mu.Unlock()
		return root, true
	}
	d.mu.RLock()
	good, ok := d.lastGood[u]
	d.mu.RUnlock()
	if ok {
		return good.root, false
	}
	return nil, false
}

// repairedTree parses doc with the line at offset blanked out: while typing,
// the text usually breaks on the line being typed, and the rest still holds
// the names and references completion needs.
func repairedTree(doc *analysis.Document, offset int) *syntax.Node {
	line := doc.Mapper.LineOf(offset)
	start, end := doc.Mapper.LineStart(line), doc.Mapper.LineStart(line+1)
	text := append([]byte(nil), doc.Text...)
	for i := start; i < end; i++ {
		if text[i] != '\n' && text[i] != '\r' {
			text[i] = ' '
		}
	}
	return syntax.Parse(text, doc.Format()).Root
}

func (d *documents) get(u uri.URI) *analysis.Document {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.open[u]
}

func (d *documents) set(u uri.URI, doc *analysis.Document) {
	d.mu.Lock()
	d.open[u] = doc
	d.last = u
	d.mu.Unlock()
	if d.ws != nil {
		d.ws.SetOverlay(doc)
	}
}

// lastChanged is the open document opened or edited last, or "".
func (d *documents) lastChanged() uri.URI {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if _, ok := d.open[d.last]; ok {
		return d.last
	}
	return ""
}

func (d *documents) remove(u uri.URI) {
	d.mu.Lock()
	delete(d.open, u)
	delete(d.lastGood, u)
	d.mu.Unlock()
	if d.ws != nil {
		d.ws.RemoveOverlay(string(u))
	}
}
