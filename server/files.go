package server

import (
	"io/fs"
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"

	"go.lsp.dev/uri"
)

// maxListedFiles caps the files one listing collects; completion ranks
// what it gets and cuts the list it shows.
const maxListedFiles = 5000

// nearbyFiles lists and loads the files around a document for "$ref"
// completion; open buffers win over the disk.
type nearbyFiles struct {
	s   *Server
	dir string // "" when the document is not a file
	doc string
}

func (s *Server) files(u uri.URI) nearbyFiles {
	if !strings.HasPrefix(string(u), "file://") {
		return nearbyFiles{s: s}
	}
	path := u.FsPath()
	return nearbyFiles{s: s, dir: filepath.Dir(path), doc: path}
}

// list returns the files a reference may name under folder (relative to
// the document's folder), as slash paths relative to folder, shallow ones
// first. Inside the workspace folders any folder is listed three levels
// deep; outside them only the document's own folder, so that a stray file
// does not make us walk a home directory.
func (f nearbyFiles) list(folder string) []string {
	if f.dir == "" {
		return nil
	}
	dir := filepath.Clean(filepath.Join(f.dir, filepath.FromSlash(folder)))
	maxDepth := 0
	switch {
	case f.s.nav.ws.Inside(refs.FileURI(dir)):
		maxDepth = 3
	case dir != f.dir:
		return nil
	}
	if dir == string(filepath.Separator) {
		return nil
	}
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || len(out) >= maxListedFiles {
			return filepath.SkipDir
		}
		if d.IsDir() {
			name := d.Name()
			if path != dir && (name == "node_modules" || name == "vendor" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			if rel, _ := filepath.Rel(dir, path); path != dir && strings.Count(rel, string(filepath.Separator)) >= maxDepth {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".yaml", ".yml", ".json", ".avsc":
			if path != f.doc && d.Type().IsRegular() {
				rel, _ := filepath.Rel(dir, path)
				out = append(out, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	return out
}

// load parses a file named relative to the document, through the
// workspace: an open buffer when there is one, else a regular file under
// the size cap.
func (f nearbyFiles) load(rel string) *syntax.Node {
	if doc := f.document(rel); doc != nil {
		return doc.Root()
	}
	return nil
}

func (f nearbyFiles) document(rel string) *analysis.Document {
	if f.dir == "" || rel == "" {
		return nil
	}
	doc, err := f.s.nav.ws.Load(refs.FileURI(filepath.Clean(filepath.Join(f.dir, filepath.FromSlash(rel)))))
	if err != nil {
		return nil
	}
	return doc
}
