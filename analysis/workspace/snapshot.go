package workspace

import (
	"errors"
	"slices"
	"strings"
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
//
// It is the only way the features (analysis, completion, hover, navigation)
// reach a file other than the one they were asked about.
type Snapshot struct {
	ws   *Workspace
	doc  *analysis.Document // nil for a view of the workspace alone
	self string

	mu    sync.Mutex
	files map[string]pinned
	// listed is every file as Files gave it, sorted by URI: the versions
	// the snapshot reads from then on, besides those pinned before.
	listed []*File
}

// pinned is one file as the snapshot sees it: its version, or why it
// cannot be read.
type pinned struct {
	file *File
	err  error
}

// Snapshot pins the view of doc: doc itself for its URI, the open buffers
// as they are now, other files at their first read. doc may be nil for a
// request about the workspace rather than one document (workspace symbols).
func (w *Workspace) Snapshot(doc *analysis.Document) *Snapshot {
	s := &Snapshot{ws: w, doc: doc, files: map[string]pinned{}}
	if doc != nil {
		s.self = refs.CanonicalURI(doc.URI)
	}
	w.mu.RLock()
	for u, f := range w.files {
		if f.Open {
			s.files[u] = pinned{file: f}
		}
	}
	held := w.files[s.self]
	w.mu.RUnlock()
	if doc != nil {
		// The workspace's File of this very version keeps its reference
		// index; another version gets a File of its own.
		switch {
		case held != nil && held.Doc == doc:
			s.files[s.self] = pinned{file: held}
		default:
			f := NewFile(doc)
			f.Open = held != nil && held.Open
			s.files[s.self] = pinned{file: f}
		}
	}
	return s
}

// Document is the document version the snapshot was taken for (nil for a
// view of the workspace alone).
func (s *Snapshot) Document() *analysis.Document { return s.doc }

// File returns the file at uri as the snapshot sees it (see Load).
func (s *Snapshot) File(uri string) (*File, error) {
	u := refs.CanonicalURI(uri)
	s.mu.Lock()
	p, ok := s.files[u]
	if !ok {
		if i, found := slices.BinarySearchFunc(s.listed, u, byURI); found {
			p, ok = pinned{file: s.listed[i]}, true
			s.files[u] = p
		}
	}
	s.mu.Unlock()
	if ok {
		return p.file, p.err
	}
	if s.ws.Outside(u) {
		p.err = ErrOutside
	} else {
		p.file, p.err = s.ws.file(u)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if first, ok := s.files[u]; ok {
		return first.file, first.err // another reader pinned it meanwhile
	}
	s.files[u] = p
	return p.file, p.err
}

// Load returns the document at uri as the snapshot sees it. A local file
// outside the workspace folders (when there are folders) is not read unless
// it is open in the editor.
func (s *Snapshot) Load(uri string) (*analysis.Document, error) {
	f, err := s.File(uri)
	if err != nil {
		return nil, err
	}
	return f.Doc, nil
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

// Referenced returns the local document that a reference written in the
// snapshot's document names by its file part ("./x.yaml", "../y.json#/a"):
// the file resolved against the document's URI, read through the snapshot.
// Remote documents are never fetched here (ErrRemoteDisabled): completion
// and hover, which ask, answer while the user types.
func (s *Snapshot) Referenced(ref string) (*analysis.Document, error) {
	if s.doc == nil {
		return nil, refs.ErrNoBase
	}
	r, _ := refs.Parse(ref) // the file part is all this needs
	if r.File == "" {
		return s.doc, nil
	}
	key, err := refs.Resolve(s.doc.URI, r.File)
	if err != nil {
		return nil, err
	}
	if refs.IsRemote(key.URI) {
		return nil, analysis.ErrRemoteDisabled
	}
	return s.Load(key.URI)
}

// Files returns every file the workspace knows (open buffers, indexed and
// referenced files) as the snapshot sees them, its own document included,
// sorted by URI. The files it had not read yet are taken as they are at
// the first call, and read so from then on. The slice is shared: callers
// must not change it.
func (s *Snapshot) Files() []*File {
	s.mu.Lock()
	listed := s.listed
	s.mu.Unlock()
	if listed != nil {
		return listed
	}
	current := s.ws.Files() // a fresh slice, sorted
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listed != nil {
		return s.listed
	}
	out := current[:0]
	for _, f := range current {
		p, ok := s.files[f.URI]
		switch {
		case !ok:
			out = append(out, f)
		case p.file != nil:
			out = append(out, p.file) // the version pinned before
		}
	}
	// Pinned files the workspace does not list (this document's version
	// when the workspace holds none, a buffer closed since).
	listedByWorkspace := out
	for u, p := range s.files {
		if p.file == nil {
			continue
		}
		if _, found := slices.BinarySearchFunc(listedByWorkspace, u, byURI); !found {
			out = append(out, p.file)
		}
	}
	if len(out) > len(listedByWorkspace) {
		slices.SortFunc(out, func(a, b *File) int { return strings.Compare(a.URI, b.URI) })
	}
	s.listed = out
	return out
}

func byURI(f *File, uri string) int { return strings.Compare(f.URI, uri) }

// Scanned reports whether uri was found under a workspace folder.
func (s *Snapshot) Scanned(uri string) bool { return s.ws.Scanned(uri) }

// Outside reports whether uri is a local file outside the workspace
// folders (analysis reports references there without following them).
func (s *Snapshot) Outside(uri string) bool { return s.ws.Outside(uri) }

// Model is the API model of the snapshot's document, its references
// followed through the snapshot. It is built once per document version and
// shared by every snapshot that sees the other files it read unchanged.
// The document is parsed first if it was not yet: in the diagnostics flow,
// ask after the incremental state has handed the document its tree.
func (s *Snapshot) Model() *model.Model {
	if s.doc == nil {
		return nil
	}
	return s.doc.Model(s.Root)
}
