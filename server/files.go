package server

import (
	"io/fs"
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis/refs"

	"go.lsp.dev/uri"
)

// maxListedFiles caps the files offered for a file reference.
const maxListedFiles = 200

// nearbyFiles lists the YAML and JSON files around a document for "$ref"
// completion (their names only: their content is read through the
// request's snapshot).
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

func (f nearbyFiles) list() []string {
	if f.dir == "" || f.dir == string(filepath.Separator) {
		return nil
	}
	// Outside the workspace folders only the document's own folder is listed:
	// a stray file must not make us walk a home directory.
	maxDepth := 0
	if f.s.nav.ws.Inside(refs.FileURI(f.dir)) {
		maxDepth = 3
	}
	var out []string
	filepath.WalkDir(f.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || len(out) >= maxListedFiles {
			return filepath.SkipDir
		}
		if d.IsDir() {
			name := d.Name()
			if path != f.dir && (name == "node_modules" || name == "vendor" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			if rel, _ := filepath.Rel(f.dir, path); path != f.dir && strings.Count(rel, string(filepath.Separator)) >= maxDepth {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".yaml", ".yml", ".json":
			if path != f.doc && d.Type().IsRegular() {
				rel, _ := filepath.Rel(f.dir, path)
				out = append(out, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	return out
}
