package workspace

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

// Options bound what the workspace reads.
type Options struct {
	// MaxFileSize caps every file and remote document; zero means 8 MiB.
	MaxFileSize int64
	// Remote enables fetching http(s) references.
	Remote bool
	// RemoteTimeout bounds one fetch; zero means 5 seconds.
	RemoteTimeout time.Duration
}

// Workspace is safe for concurrent use. Readers get immutable Files.
type Workspace struct {
	mu     sync.RWMutex
	opts   Options
	files  map[string]*File
	client *http.Client
	// scanned holds the files found under a workspace folder: they stay
	// known when their buffer closes.
	scanned map[string]bool
	// roots are the workspace folders; files outside them are not read.
	roots []string
}

// SetRoots records the workspace folders. With roots set, references to
// files outside them are reported and not read; with none (a single file,
// or the check command), any local file may be read.
func (w *Workspace) SetRoots(folders []string) {
	w.mu.Lock()
	w.roots = append([]string(nil), folders...)
	w.mu.Unlock()
}

// Inside reports whether uri is a local file inside one of the workspace
// folders (false when there are none).
func (w *Workspace) Inside(uri string) bool {
	path := refs.FilePath(uri)
	w.mu.RLock()
	defer w.mu.RUnlock()
	for _, root := range w.roots {
		if rel, err := filepath.Rel(root, path); path != "" && err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Outside reports whether uri is a local file outside every workspace folder;
// without folders nothing is outside.
func (w *Workspace) Outside(uri string) bool {
	w.mu.RLock()
	none := len(w.roots) == 0
	w.mu.RUnlock()
	return !none && refs.FilePath(uri) != "" && !w.Inside(uri)
}

// New returns an empty workspace.
func New(opts Options) *Workspace {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = 8 << 20
	}
	if opts.RemoteTimeout <= 0 {
		opts.RemoteTimeout = 5 * time.Second
	}
	return &Workspace{opts: opts, files: map[string]*File{}, scanned: map[string]bool{},
		client: &http.Client{Timeout: opts.RemoteTimeout}}
}

// SetRemote turns fetching of http(s) references on or off and reports
// whether that changed the switch.
func (w *Workspace) SetRemote(on bool) bool {
	w.mu.Lock()
	changed := w.opts.Remote != on
	w.opts.Remote = on
	if !on {
		for u, f := range w.files {
			if refs.IsRemote(u) && !f.Open {
				delete(w.files, u)
			}
		}
	}
	w.mu.Unlock()
	return changed
}

// SetOverlay records an open editor buffer; it overrides the disk.
func (w *Workspace) SetOverlay(doc *analysis.Document) {
	u := refs.CanonicalURI(doc.URI)
	f := newFile(u, doc)
	f.Open = true
	w.mu.Lock()
	w.files[u] = f
	w.mu.Unlock()
}

// RemoveOverlay forgets an editor buffer: the file on disk counts again.
func (w *Workspace) RemoveOverlay(uri string) {
	u := refs.CanonicalURI(uri)
	w.mu.Lock()
	delete(w.files, u)
	scanned := w.scanned[u]
	w.mu.Unlock()
	if scanned {
		w.loadDisk(u)
	}
}

// Load returns the document at uri: the open buffer, else the file on disk
// (re-read when it changed), else the remote document when allowed. It is
// the newest version, which may change between two calls: features read
// other files through a Snapshot, which pins what it reads.
func (w *Workspace) Load(uri string) (*analysis.Document, error) {
	f, err := w.file(refs.CanonicalURI(uri))
	if err != nil {
		return nil, err
	}
	return f.Doc, nil
}

// File returns the current File at uri, loading it if needed.
func (w *Workspace) File(uri string) (*File, error) { return w.file(refs.CanonicalURI(uri)) }

func (w *Workspace) file(u string) (*File, error) {
	w.mu.RLock()
	f := w.files[u]
	remote := w.opts.Remote
	w.mu.RUnlock()
	if f != nil && (f.Open || refs.IsRemote(u)) {
		return f, nil
	}
	if refs.IsRemote(u) {
		if !remote {
			return nil, analysis.ErrRemoteDisabled
		}
		return w.loadRemote(u)
	}
	if f != nil {
		// A cached disk file stays valid while its size and time do.
		if info, err := os.Stat(refs.FilePath(u)); err == nil && info.ModTime().Equal(f.modTime) && info.Size() == f.size {
			return f, nil
		}
	}
	return w.loadDisk(u)
}

var errNotFile = errors.New("only file references can be read")

func (w *Workspace) loadDisk(u string) (*File, error) {
	p := refs.FilePath(u)
	if p == "" {
		return nil, errNotFile
	}
	data, info, err := readRegular(p, w.opts.MaxFileSize)
	if err != nil {
		w.mu.Lock()
		if f := w.files[u]; f != nil && !f.Open {
			delete(w.files, u)
		}
		w.mu.Unlock()
		return nil, err
	}
	f := newFile(u, analysis.NewDocument(u, 0, data))
	f.modTime, f.size = info.ModTime(), info.Size()
	w.mu.Lock()
	defer w.mu.Unlock()
	if cur := w.files[u]; cur != nil {
		if cur.Open {
			return cur, nil // a buffer was opened meanwhile: it wins
		}
	}
	w.files[u] = f
	return f, nil
}

func (w *Workspace) loadRemote(u string) (*File, error) {
	ctx, cancel := context.WithTimeout(context.Background(), w.opts.RemoteTimeout)
	defer cancel()
	data, err := fetch(ctx, w.client, u, w.opts.MaxFileSize)
	if err != nil {
		return nil, err
	}
	f := newFile(u, analysis.NewDocument(u, 0, data))
	w.mu.Lock()
	w.files[u] = f
	w.mu.Unlock()
	return f, nil
}

// Files returns every file the workspace holds, sorted by URI.
func (w *Workspace) Files() []*File {
	w.mu.RLock()
	out := make([]*File, 0, len(w.files))
	for _, f := range w.files {
		out = append(out, f)
	}
	w.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].URI < out[j].URI })
	return out
}

// Scanned reports whether uri was found under a workspace folder.
func (w *Workspace) Scanned(uri string) bool {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.scanned[refs.CanonicalURI(uri)]
}

// Dependents returns the files whose references lead into uri, directly or
// through other files, uri itself excluded.
func (w *Workspace) Dependents(uri string) []*File {
	files := w.Files()
	seen := map[string]bool{refs.CanonicalURI(uri): true}
	queue := []string{refs.CanonicalURI(uri)}
	var out []*File
	for len(queue) > 0 {
		target := queue[0]
		queue = queue[1:]
		for _, f := range files {
			if !seen[f.URI] && f.DependsOn(target) {
				seen[f.URI] = true
				out = append(out, f)
				queue = append(queue, f.URI)
			}
		}
	}
	return out
}
