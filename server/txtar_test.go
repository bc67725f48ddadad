package server_test

import (
	"fmt"
	"strings"
)

// archiveFile is one file of a txtar-style archive.
type archiveFile struct {
	Name string
	Data string
}

// parseArchive reads a txtar-style archive: an optional comment, then files,
// each introduced by a line "-- name --". A tiny reader of our own, since
// golang.org/x/tools/txtar is not a dependency.
func parseArchive(text string) ([]archiveFile, error) {
	var files []archiveFile
	var cur *archiveFile
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			files = append(files, archiveFile{Name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			cur = &files[len(files)-1]
			continue
		}
		if cur != nil {
			cur.Data += line
		}
	}
	for _, f := range files {
		if f.Name == "" || strings.Contains(f.Name, "..") || strings.HasPrefix(f.Name, "/") {
			return nil, fmt.Errorf("bad file name %q", f.Name)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no files in the archive")
	}
	return files, nil
}
