package config

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/schemas"
)

// FileName is the project file, looked up from a document's folder upward.
const FileName = ".asyncapi-ls.yaml"

// Config is one effective configuration: levels per code (project file
// first, editor settings over it), strict mode and the project's ignore
// globs.
type Config struct {
	Levels map[string]analysis.Severity
	// Strict raises to errors what the specification requires but the
	// official parser does not check (warnings by default). The project
	// file, the editor setting or `check --strict` turns it on; any of
	// them suffices.
	Strict bool
	// Ignore holds glob patterns relative to Dir ("**" spans folders).
	Ignore []string
	Dir    string // the folder of the project file; "" without one
	// File is the project file's path, "" without one.
	File string
	// Ruleset is the Spectral ruleset the project or the editor names
	// (absolute, or as the user wrote it for settings); "" means the
	// nearest .spectral.yaml/.yml/.json upward from the document.
	Ruleset string
}

// New builds the analysis options of cfg (nil: all defaults). It is the one
// constructor of analysis.Options: the server and `check` both call it.
func New(cfg *Config, resolver analysis.Resolver) analysis.Options {
	opts := analysis.Options{Rules: rules.All(), Resolver: resolver}
	if cfg != nil && (len(cfg.Levels) > 0 || cfg.Strict) {
		opts.Config = &analysis.Config{Levels: maps.Clone(cfg.Levels), Strict: cfg.Strict}
	}
	return opts
}

// Merge returns base with the levels of over applied on top, strict when
// either is; the ignore globs and project file stay base's.
func Merge(base, over *Config) *Config {
	out := &Config{Levels: map[string]analysis.Severity{}}
	if base != nil {
		*out = *base
		out.Levels = maps.Clone(base.Levels)
		if out.Levels == nil {
			out.Levels = map[string]analysis.Severity{}
		}
	}
	if over != nil {
		maps.Copy(out.Levels, over.Levels)
		if over.Ruleset != "" {
			out.Ruleset = over.Ruleset
		}
		out.Strict = out.Strict || over.Strict
	}
	return out
}

// builtinCodes are the diagnostic codes that do not come from rules.
var builtinCodes = []string{
	analysis.CodeYAMLSyntax, analysis.CodeJSONSyntax, analysis.CodeDuplicateKey, analysis.CodeUnsupportedVersion,
	analysis.CodeMultipleDocuments, analysis.CodeInvalidUTF8, analysis.CodeTooLarge, analysis.CodeQuotedDocument, "schema-unavailable",
	analysis.CodeUnresolvedRef, analysis.CodeInvalidRef, analysis.CodeRefWrongKind, analysis.CodeCircularRef,
	analysis.CodeRefOutside, analysis.CodeRefContentInvalid, analysis.CodePayloadSchemaFormat, analysis.CodeV2Field,
}

// canonical maps every accepted code (rule codes, aliases, built-in and
// schema codes) to the code diagnostics carry.
func canonical() map[string]string {
	out := map[string]string{}
	for _, c := range builtinCodes {
		out[c] = c
	}
	for k := schemas.UnknownKey; k <= schemas.Invalid; k++ {
		out[k.Code()] = k.Code()
	}
	for _, r := range rules.All() {
		out[r.Code] = r.Code
		for _, a := range r.Aliases {
			out[a] = r.Code
		}
	}
	return out
}

// Canonical is the code diagnostics carry for an accepted code (an alias
// gives its rule's code), "" for an unknown one.
func Canonical(code string) string { return canonical()[code] }

// Codes lists every code the configuration accepts, sorted.
func Codes() []string {
	return slices.Sorted(maps.Keys(canonical()))
}

// closestCode suggests a known code for a misspelt one.
func closestCode(code string) string {
	best, bestDist := "", len(code)/3+1
	keys := Codes()
	sort.Strings(keys)
	for _, k := range keys {
		if d := distance(strings.ToLower(code), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
