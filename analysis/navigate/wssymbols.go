package navigate

import (
	"sort"
	"strings"
	"unicode"

	"asyncapi-ls/analysis/workspace"
)

// WorkspaceSymbol is a named object of some workspace document.
type WorkspaceSymbol struct {
	Symbol
	URI       string
	Container string // the section it is listed under
	score     int
}

// MaxWorkspaceSymbols caps one answer.
const MaxWorkspaceSymbols = 500

// WorkspaceSymbols fuzzy-matches query against the named objects of every
// AsyncAPI document of the workspace (servers, channels, operations,
// messages, components), best matches first.
func WorkspaceSymbols(snap *workspace.Snapshot, query string) []WorkspaceSymbol {
	var out []WorkspaceSymbol
	for _, f := range snap.Files() {
		if !f.IsAsyncAPI() || !(f.Open || snap.Scanned(f.URI)) {
			continue
		}
		var walk func(syms []Symbol, container string)
		walk = func(syms []Symbol, container string) {
			for _, s := range syms {
				if s.AsyncKind != "" {
					if score, ok := fuzzy(query, s.Name); ok {
						out = append(out, WorkspaceSymbol{Symbol: s, URI: f.Doc.URI, Container: container, score: score})
					}
				}
				walk(s.Children, s.Name)
			}
		}
		walk(DocumentSymbols(f.Doc), "")
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > MaxWorkspaceSymbols {
		out = out[:MaxWorkspaceSymbols]
	}
	return out
}

// fuzzy matches the query's characters in order, case-insensitively. The
// score rewards matches at the start, after a separator or a case change,
// and runs of consecutive characters; an empty query matches everything.
func fuzzy(query, name string) (int, bool) {
	q := []rune(strings.ToLower(query))
	if len(q) == 0 {
		return 0, true
	}
	runes := []rune(name)
	score, qi, run := 0, 0, 0
	for i, r := range runes {
		if qi == len(q) {
			break
		}
		if unicode.ToLower(r) != q[qi] {
			run = 0
			continue
		}
		bonus := 1
		switch {
		case i == 0:
			bonus = 8
		case !unicode.IsLetter(runes[i-1]) && !unicode.IsDigit(runes[i-1]):
			bonus = 5
		case unicode.IsUpper(r) && unicode.IsLower(runes[i-1]):
			bonus = 5
		}
		run++
		score += bonus + 2*run
		qi++
	}
	if qi < len(q) {
		return 0, false
	}
	return score - len(runes)/4, true
}
