package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/analysis/workspace"
)

// rulesetCache loads each Spectral ruleset of a check run once and prints
// its problems once: errors make the run exit 2 (the rest of the ruleset
// still runs), warnings (a JavaScript function skipped) do not.
type rulesetCache struct {
	stderr  io.Writer
	flag    string // --ruleset
	byPath  map[string]*ruleset.Ruleset
	invalid bool
}

// forFile returns the ruleset that governs path: --ruleset, else the
// project file's ruleset:, else the nearest .spectral.* upward; nil for none.
func (c *rulesetCache) forFile(path string, cfg *config.Config) *ruleset.Ruleset {
	file := c.flag
	if file == "" && cfg != nil {
		file = cfg.Ruleset
	}
	if file == "" {
		file = config.FindRuleset(filepath.Dir(path))
	}
	if file == "" {
		return nil
	}
	if abs, err := filepath.Abs(file); err == nil && !refs.IsRemote(file) {
		file = abs
	}
	if c.byPath == nil {
		c.byPath = map[string]*ruleset.Ruleset{}
	}
	if rs, ok := c.byPath[file]; ok {
		return rs
	}
	rs := ruleset.Load(file, ruleset.LoadOptions{Builtin: rules.All()})
	c.byPath[file] = rs
	for _, p := range rs.Problems {
		text, _ := os.ReadFile(p.File)
		line, col := analysis.NewDocument(p.File, 0, text).Mapper.Column(p.Start)
		fmt.Fprintf(c.stderr, "%s:%d:%d: %s: %s [ruleset]\n", p.File, line, col, p.Severity, p.Message)
		if p.Severity == analysis.SeverityError {
			c.invalid = true
		}
	}
	return rs
}

// elsewhere places the findings a document's analysis made about values in
// other files (ruleset rules read references resolved) into those files'
// results, each once.
func elsewhere(results []fileResult, found map[string][]analysis.Diagnostic, resolver *workspace.Workspace) []fileResult {
	index := map[string]int{}
	for i, r := range results {
		if abs, err := filepath.Abs(r.Path); err == nil {
			index[abs] = i
		}
	}
	paths := make([]string, 0, len(found))
	for p := range found {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		doc, err := resolver.Load(refs.FileURI(p))
		if err != nil {
			continue
		}
		i, ok := index[p]
		if !ok {
			rel := p
			if wd, err := os.Getwd(); err == nil {
				if r, err := filepath.Rel(wd, p); err == nil {
					rel = r
				}
			}
			results = append(results, fileResult{Path: rel, Diagnostics: []checkDiagnostic{}})
			i = len(results) - 1
			index[p] = i
		}
		seen := map[string]bool{}
		for _, d := range results[i].Diagnostics {
			seen[fmt.Sprint(d.Code, d.Line, d.Column, d.Message)] = true
		}
		for _, d := range found[p] {
			cd := toCheckDiagnostic(doc, d.Origin.Start, d.Origin.End, d)
			cd.Message = d.Origin.Message
			if k := fmt.Sprint(cd.Code, cd.Line, cd.Column, cd.Message); !seen[k] {
				seen[k] = true
				results[i].Diagnostics = append(results[i].Diagnostics, cd)
			}
		}
		slices.SortStableFunc(results[i].Diagnostics, func(a, b checkDiagnostic) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
	}
	return results
}
