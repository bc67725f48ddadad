package server

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/completion"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// rulesets caches the Spectral rulesets open documents use, keyed by the
// ruleset's path. Every use re-reads the files the ruleset was built from
// (open buffers first) and reloads it when one changed, so an edit of the
// ruleset applies as the user types.
type rulesets struct {
	mu     sync.Mutex
	byPath map[string]*rulesetEntry
}

type rulesetEntry struct {
	rs    *ruleset.Ruleset
	texts map[string][]byte
}

// readFile reads a local file: an open buffer when there is one, else the disk.
func (s *Server) readFile(path string) ([]byte, error) {
	if d := s.docs.get(uri.URI(refs.FileURI(path))); d != nil {
		return d.Text, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 4<<20 {
		return nil, os.ErrInvalid
	}
	return os.ReadFile(path)
}

// ruleset returns the loaded ruleset at path, reloading it when one of its
// files changed.
func (s *Server) ruleset(path string) *ruleset.Ruleset {
	s.rulesets.mu.Lock()
	e := s.rulesets.byPath[path]
	s.rulesets.mu.Unlock()
	if e != nil {
		fresh := true
		for file, text := range e.texts {
			now, err := s.readFile(file)
			if err != nil || !bytes.Equal(now, text) {
				fresh = false
				break
			}
		}
		if fresh {
			return e.rs
		}
	}
	texts := map[string][]byte{}
	var mu sync.Mutex
	read := func(p string) ([]byte, error) {
		b, err := s.readFile(p)
		if err == nil {
			mu.Lock()
			texts[p] = b
			mu.Unlock()
		}
		return b, err
	}
	rs := ruleset.Load(path, ruleset.LoadOptions{ReadFile: read, Fetch: s.fetchRuleset, Builtin: rules.All()})
	s.rulesets.mu.Lock()
	if s.rulesets.byPath == nil {
		s.rulesets.byPath = map[string]*rulesetEntry{}
	}
	s.rulesets.byPath[path] = &rulesetEntry{rs: rs, texts: texts}
	s.rulesets.mu.Unlock()
	for _, p := range rs.Problems {
		if p.Severity == analysis.SeverityWarning || p.File != path {
			s.complain("The Spectral ruleset " + path + ": " + p.Message)
			break
		}
	}
	return rs
}

// rulesetFor names the ruleset of a document: the configured one, else the
// nearest .spectral.yaml/.yml/.json upward; "" for none.
func rulesetFor(docPath, configured string) string {
	if configured != "" {
		if !filepath.IsAbs(configured) && !refs.IsRemote(configured) {
			return "" // a relative setting has no folder to resolve against
		}
		return configured
	}
	if docPath == "" {
		return ""
	}
	return config.FindRuleset(filepath.Dir(docPath))
}

// usesRuleset reports whether a loaded ruleset was built from the file at u.
func (s *Server) usesRuleset(u uri.URI) bool {
	path := refs.FilePath(string(u))
	if path == "" {
		return false
	}
	s.rulesets.mu.Lock()
	defer s.rulesets.mu.Unlock()
	for _, e := range s.rulesets.byPath {
		if slices.Contains(e.rs.Files, path) {
			return true
		}
	}
	return ruleset.IsRulesetFile(path)
}

// rulesetFileDiagnostics checks an open ruleset file: its problems, and
// those of the files it extends shown at the extends entry.
func (s *Server) rulesetFileDiagnostics(doc *analysis.Document) []analysis.Diagnostic {
	path := refs.FilePath(doc.URI)
	rs := ruleset.Load(path, ruleset.LoadOptions{ReadFile: s.readFile, Fetch: s.fetchRuleset, Builtin: rules.All()})
	out := []analysis.Diagnostic{}
	for _, p := range rs.Problems {
		if p.File != path {
			continue
		}
		out = append(out, analysis.Diagnostic{Start: p.Start, End: p.End, Severity: p.Severity, Code: "ruleset", Message: p.Message})
	}
	return out
}

// isRulesetDocument reports whether an open document is a Spectral ruleset
// (by its file name: .spectral.yaml, .spectral.yml, .spectral.json).
func isRulesetDocument(doc *analysis.Document) bool {
	return ruleset.IsRulesetFile(refs.FilePath(doc.URI))
}

// reanalyseOpenBut schedules every open document but u again.
func (s *Server) reanalyseOpenBut(u uri.URI) {
	s.docs.mu.RLock()
	open := make(map[uri.URI]*analysis.Document, len(s.docs.open))
	for o, d := range s.docs.open {
		if o != u {
			open[o] = d
		}
	}
	s.docs.mu.RUnlock()
	for o, d := range open {
		s.diags.schedule(o, d, false)
	}
}

// rulesetCompletion proposes keys, functions, options and values in a
// ruleset file.
func (s *Server) rulesetCompletion(ctx context.Context, u uri.URI, doc *analysis.Document, offset int) (protocol.CompletionResult, error) {
	tree, _ := s.docs.tree(u, doc, false)
	found := ruleset.Complete(doc.Text, offset, doc.Format(), tree)
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	list := &protocol.CompletionList{Items: make([]protocol.CompletionItem, 0, len(found))}
	for _, it := range found {
		kind := completion.KindValue
		if it.IsKey {
			kind = completion.KindProperty
		}
		list.Items = append(list.Items, s.toCompletionItem(doc.Mapper, completion.Item{Label: it.Label, Kind: kind, Detail: it.Detail,
			Documentation: it.Doc, InsertText: it.Insert, ReplaceStart: it.Start, ReplaceEnd: it.End, FilterText: it.Label, SortText: it.Label}))
	}
	return list, nil
}

// fetchRuleset reads a remote ruleset through the workspace, which fetches
// only while remote references are turned on (asyncapi.references.remote).
func (s *Server) fetchRuleset(url string) ([]byte, error) {
	d, err := s.nav.ws.Load(url)
	if err != nil {
		return nil, err
	}
	return d.Text, nil
}
