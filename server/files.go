package server

import (
	"os"
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis/refs"

	"go.lsp.dev/uri"
)

// maxListedFiles caps the files one listing collects, nearest first;
// completion ranks what it gets and cuts the list it shows.
const maxListedFiles = 1000

// nearbyFiles lists the files around a document for "$ref" completion
// (their names only: their content is read through the request's
// snapshot).
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
// first: the folders are read breadth first, so that the cap keeps the
// nearest files. Inside the workspace folders any folder is listed three
// levels deep; outside them only the document's own folder, so that a stray
// file does not make us walk a home directory.
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
	level := []string{""} // folders to read, relative to dir
	for depth := 0; depth <= maxDepth && len(level) > 0 && len(out) < maxListedFiles; depth++ {
		var next []string
		for _, rel := range level {
			entries, err := os.ReadDir(filepath.Join(dir, rel))
			if err != nil {
				continue
			}
			for _, e := range entries {
				name := e.Name()
				path := filepath.Join(rel, name)
				switch {
				case e.IsDir():
					if name != "node_modules" && name != "vendor" && !strings.HasPrefix(name, ".") {
						next = append(next, path)
					}
				case e.Type().IsRegular() && refFileExt(name) && filepath.Join(dir, path) != f.doc && len(out) < maxListedFiles:
					out = append(out, filepath.ToSlash(path))
				}
			}
		}
		level = next
	}
	return out
}

// refFileExt reports whether a file may be the target of a "$ref":
// YAML, JSON and Avro schema files.
func refFileExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".avsc":
		return true
	}
	return false
}
