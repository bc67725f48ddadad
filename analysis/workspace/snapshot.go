package workspace

import (
	"errors"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// ErrOutside is what a snapshot answers for a file outside the workspace
// folders: references there are reported, not read (see SECURITY.md).
var ErrOutside = errors.New("the file is outside the workspace folders")

// Snapshot is one request's view of the documents: a document version, and
// every other file as it was when the snapshot was taken — the open editor
// buffers of that moment, and each file from disk (or the network) as it
// was first read through the snapshot, kept for the snapshot's life. Two
// reads of a file through one snapshot never see two versions of it. A
// Snapshot is safe for concurrent use; it implements analysis.Resolver.
type Snapshot struct {
	ws   *Workspace
	doc  *analysis.Document
	self string

	mu    sync.Mutex
	files map[string]pinned
}

type pinned struct {
	doc *analysis.Document
	err error
}

// Snapshot pins the view of doc: doc itself for its URI, the open buffers
// as they are now, other files at their first read.
func (w *Workspace) Snapshot(doc *analysis.Document) *Snapshot {
	s := &Snapshot{ws: w, doc: doc, self: refs.CanonicalURI(doc.URI), files: map[string]pinned{}}
	w.mu.RLock()
	for u, f := range w.files {
		if f.Open {
			s.files[u] = pinned{doc: f.Doc}
		}
	}
	w.mu.RUnlock()
	s.files[s.self] = pinned{doc: doc}
	return s
}

// Document is the document version the snapshot was taken for.
func (s *Snapshot) Document() *analysis.Document { return s.doc }

// Load returns the document at uri as the snapshot sees it. A local file
// outside the workspace folders (when there are folders) is not read unless
// it is open in the editor.
func (s *Snapshot) Load(uri string) (*analysis.Document, error) {
	u := refs.CanonicalURI(uri)
	s.mu.Lock()
	p, ok := s.files[u]
	s.mu.Unlock()
	if ok {
		return p.doc, p.err
	}
	if s.ws.Outside(u) {
		p.err = ErrOutside
	} else {
		p.doc, p.err = s.ws.Load(u)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if first, ok := s.files[u]; ok {
		return first.doc, first.err // another reader pinned it meanwhile
	}
	s.files[u] = p
	return p.doc, p.err
}

// Root is the parsed root of the document at uri as the snapshot sees it:
// the snapshot as a refs.Loader.
func (s *Snapshot) Root(uri string) (*syntax.Node, error) {
	d, err := s.Load(uri)
	if err != nil {
		return nil, err
	}
	return d.Root(), nil
}

// Outside reports whether uri is a local file outside the workspace
// folders (analysis reports references there without following them).
func (s *Snapshot) Outside(uri string) bool { return s.ws.Outside(uri) }

// Model is the API model of the snapshot's document, its references
// followed through the snapshot. It is built once per document version and
// shared by every snapshot that sees the other files it read unchanged.
func (s *Snapshot) Model() *model.Model { return s.doc.Model(s.Root) }
