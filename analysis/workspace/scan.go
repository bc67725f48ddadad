package workspace

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

// MaxScanFiles bounds how many candidate files one folder scan reads.
const MaxScanFiles = 20_000

// skipDir reports folders a scan never enters: dependencies, version
// control and other hidden folders.
func skipDir(name string) bool {
	switch name {
	case "node_modules", "vendor", "bower_components":
		return true
	}
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// IsCandidate reports whether a file name may hold an AsyncAPI document.
func IsCandidate(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// Candidates lists the YAML and JSON files under the folders (absolute
// paths), skipping node_modules, vendor, .git and other hidden folders.
func Candidates(ctx context.Context, folders []string) []string {
	var out []string
	for _, root := range folders {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil || len(out) >= MaxScanFiles {
				return filepath.SkipAll
			}
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if p != root && skipDir(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && IsCandidate(d.Name()) {
				out = append(out, p)
			}
			return nil
		})
	}
	return out
}

// Progress is told how many of the candidate files were read.
type Progress func(done, total int)

// Index reads the AsyncAPI documents under the folders, then the files
// their references reach. Open buffers keep precedence. It returns the
// number of AsyncAPI documents found.
func (w *Workspace) Index(ctx context.Context, folders []string, progress Progress) int {
	paths := Candidates(ctx, folders)
	// Files are read, parsed and indexed on every core; the roots keep the
	// order of the paths, and progress is reported in order of completion.
	found := make([]*File, len(paths))
	var next, done atomic.Int64
	var progressMu sync.Mutex
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				if f := w.scanOne(paths[i]); f != nil {
					if !f.lazy() {
						f.Refs() // the reference index, built here in parallel
					}
					found[i] = f
				}
				if progress != nil {
					progressMu.Lock()
					progress(int(done.Add(1)), len(paths))
					progressMu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	var roots []*File
	for _, f := range found {
		if f != nil && !f.lazy() {
			roots = append(roots, f)
		}
	}
	w.followRefs(ctx, roots)
	n := len(roots)
	for _, f := range found {
		if f != nil && f.lazy() {
			n++
		}
	}
	return n
}

// lazyFileBytes is the size from which the index leaves a file unparsed
// until it is read (see scanOne): its references are then not followed
// ahead either.
const lazyFileBytes = 1 << 20

// lazy reports a file the index took unparsed.
func (f *File) lazy() bool { return !f.Open && len(f.Doc.Text) > lazyFileBytes && !f.Doc.Parsed() }

// scanOne reads one candidate and keeps it when it is an AsyncAPI document.
func (w *Workspace) scanOne(p string) *File {
	u := refs.FileURI(p)
	w.mu.RLock()
	cur := w.files[u]
	w.mu.RUnlock()
	if cur != nil && cur.Open {
		w.markScanned(u)
		// An open buffer is analysed (and parsed, from its sections) by
		// the editor's runs: the index does not parse it a second time.
		if cur.Doc.Parsed() && cur.IsAsyncAPI() {
			return cur
		}
		return nil
	}
	data, info, err := readRegular(p, w.opts.MaxFileSize)
	// A cheap filter first: a file that never says "asyncapi" is not parsed.
	if err != nil || !bytes.Contains(data, []byte("asyncapi")) {
		return nil
	}
	doc := analysis.NewDocument(u, 0, data)
	// A big file whose text shows the "asyncapi" key is taken unparsed: the
	// first reader parses it (often the editor, from its sections, when the
	// user opens it), not the index beside it.
	if !(len(data) > lazyFileBytes && doc.LooksAsyncAPI()) && !doc.IsAsyncAPI() {
		return nil
	}
	f := newFile(u, doc)
	f.modTime, f.size = info.ModTime(), info.Size()
	w.mu.Lock()
	w.scanned[u] = true
	if cur := w.files[u]; cur != nil && cur.Open {
		f = cur // the buffer counts as the scanned file
	} else {
		w.files[u] = f
	}
	w.mu.Unlock()
	return f
}

func (w *Workspace) markScanned(u string) {
	w.mu.Lock()
	w.scanned[u] = true
	w.mu.Unlock()
}

// followRefs loads every local file the roots reach through references.
func (w *Workspace) followRefs(ctx context.Context, roots []*File) {
	seen := map[string]bool{}
	queue := roots
	for len(queue) > 0 && ctx.Err() == nil {
		f := queue[0]
		queue = queue[1:]
		for _, r := range f.Refs() {
			if r.Err != nil || refs.IsRemote(r.Key.URI) || seen[r.Key.URI] {
				continue
			}
			seen[r.Key.URI] = true
			if g, err := w.file(r.Key.URI); err == nil {
				queue = append(queue, g)
			}
		}
	}
}

// Changed takes a file change reported by the editor's watcher: the file is
// re-read (or dropped when deleted). Open buffers are left alone. It reports
// whether the workspace held or now holds the file.
func (w *Workspace) Changed(uri string, deleted bool) bool {
	u := refs.CanonicalURI(uri)
	w.mu.RLock()
	cur := w.files[u]
	w.mu.RUnlock()
	if cur != nil && cur.Open {
		return true
	}
	if deleted {
		w.mu.Lock()
		delete(w.files, u)
		delete(w.scanned, u)
		w.mu.Unlock()
		return cur != nil
	}
	p := refs.FilePath(u)
	if p == "" || !IsCandidate(p) {
		return false
	}
	if cur == nil {
		f := w.scanOne(p)
		if f != nil {
			w.followRefs(context.Background(), []*File{f})
		}
		return f != nil
	}
	f, err := w.loadDisk(u)
	if err == nil {
		w.followRefs(context.Background(), []*File{f})
	}
	return true
}
