package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/ruleset"
	"asyncapi-ls/analysis/syntax"
)

// Problem is a mistake in a project file or in settings, at the byte span
// [Start, End) of the project file (0, 0 for settings).
type Problem struct {
	Start, End int
	Message    string
}

// maxFileSize caps the project file: it is a few lines of YAML.
const maxFileSize = 1 << 20

// Find returns the project file that governs a document in dir: the
// nearest FileName in dir or a parent folder, or "".
func Find(dir string) string { return findUpward(dir, FileName) }

// FindRuleset returns the Spectral ruleset that governs a document in dir
// when nothing names one: the nearest ruleset.FileNames in dir or a parent
// folder, or "".
func FindRuleset(dir string) string { return findUpward(dir, ruleset.FileNames...) }

// findUpward returns the first regular file named one of names in dir or
// the nearest parent folder holding one, or "".
func findUpward(dir string, names ...string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range names {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and parses the project file at path.
func Load(path string) (*Config, []Problem, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > maxFileSize {
		return nil, nil, errors.New(path + ": not a regular file of at most 1 MiB")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	cfg, problems := ParseAt(text, filepath.Dir(path))
	cfg.File = path
	return cfg, problems, nil
}

// ParseAt is Parse for the project file in dir: its ruleset: is resolved
// against dir, and levels may name the rules of the Spectral ruleset that
// governs dir (that one, or the nearest .spectral.yaml upward).
func ParseAt(text []byte, dir string) (*Config, []Problem) {
	cfg, problems := parse(text, nil)
	cfg.Dir = dir
	if cfg.Ruleset != "" && !filepath.IsAbs(cfg.Ruleset) && !refs.IsRemote(cfg.Ruleset) {
		cfg.Ruleset = filepath.Join(dir, cfg.Ruleset)
	}
	if len(problems) == 0 {
		return cfg, problems
	}
	named := cfg.Ruleset
	if named == "" {
		named = FindRuleset(dir)
	}
	if named == "" || refs.IsRemote(named) {
		return cfg, problems
	}
	extra := map[string]bool{}
	for _, name := range ruleset.Load(named, ruleset.LoadOptions{Builtin: rules.All()}).RuleNames() {
		extra[name] = true
	}
	again, problems := parse(text, extra)
	again.Dir, again.Ruleset = cfg.Dir, cfg.Ruleset
	return again, problems
}

// Parse reads a project file:
//
//	rules:
//	  asyncapi-info-contact: off      # off | hint | info | warning | error
//	strict: true                      # what the specification requires is an error even where the official parser does not check it
//	ignore:
//	  - generated/**
//	ruleset: governance/.spectral.yaml   # relative to this file
//
// Whatever can be understood is kept; every mistake is a Problem.
func Parse(text []byte) (*Config, []Problem) { return parse(text, nil) }

// parse reads a project file; extra are codes accepted beside ours.
func parse(text []byte, extra map[string]bool) (*Config, []Problem) {
	cfg := &Config{Levels: map[string]analysis.Severity{}}
	f := syntax.Parse(text, syntax.YAML)
	var problems []Problem
	for _, e := range f.Errors {
		problems = append(problems, Problem{e.Start, e.End, "The configuration is not valid YAML: " + e.Message})
	}
	root := f.Root.Resolve()
	if root == nil {
		return cfg, problems
	}
	if root.Kind != syntax.Mapping {
		return cfg, append(problems, Problem{root.Start, root.End, "The configuration must be a mapping with the keys rules, strict, ignore and ruleset."})
	}
	for _, pair := range root.Pairs {
		switch pair.Key.Value {
		case "rules":
			problems = append(problems, parseRules(pair.Value, cfg.Levels, extra)...)
		case "ignore":
			problems = append(problems, parseIgnore(pair.Value, cfg)...)
		case "strict":
			v := pair.Value.Resolve()
			if v == nil || v.Kind != syntax.Scalar || v.Tag() != "!!bool" {
				problems = append(problems, Problem{pair.Value.Start, pair.Value.End, "strict must be true or false."})
				continue
			}
			cfg.Strict = strings.EqualFold(v.Value, "true")
		case "ruleset":
			if v := pair.Value.Resolve(); v == nil || v.Kind != syntax.Scalar || v.String() == "" {
				problems = append(problems, Problem{pair.Value.Start, pair.Value.End, "ruleset names a Spectral ruleset file, such as .spectral.yaml."})
			} else {
				cfg.Ruleset = v.String()
			}
		default:
			problems = append(problems, Problem{pair.Key.Start, pair.Key.End,
				fmt.Sprintf("Unknown configuration key %q; the keys are rules, strict, ignore and ruleset.", pair.Key.Value)})
		}
	}
	return cfg, problems
}

func parseRules(n *syntax.Node, levels map[string]analysis.Severity, extra map[string]bool) []Problem {
	m := n.Resolve()
	if m == nil || m.IsNull() {
		return nil
	}
	if m.Kind != syntax.Mapping {
		return []Problem{{n.Start, n.End, "rules must map diagnostic codes to off, hint, info, warning or error."}}
	}
	var problems []Problem
	for _, pair := range m.Pairs {
		level := pair.Value.String()
		if pair.Value.Resolve().Kind == syntax.Scalar && pair.Value.Resolve().Tag() == "!!bool" && strings.EqualFold(level, "false") {
			level = "off"
		}
		if err := setLevel(levels, pair.Key.Value, level, extra); err != nil {
			span := pair.Key
			if errors.Is(err, errLevel) {
				span = pair.Value
			}
			problems = append(problems, Problem{span.Start, span.End, err.Error()})
		}
	}
	return problems
}

var errLevel = errors.New("bad level")

type levelError struct{ msg string }

func (e levelError) Error() string        { return e.msg }
func (e levelError) Is(target error) bool { return target == errLevel }

// setLevel records one "code: level" choice, or says what is wrong with it.
func setLevel(levels map[string]analysis.Severity, code, level string, extra map[string]bool) error {
	canon, ok := canonical()[code]
	if !ok && extra[code] {
		canon, ok = code, true // a rule of the team's Spectral ruleset
	}
	if !ok {
		msg := fmt.Sprintf("Unknown rule %q.", code)
		if near := closestCode(code); near != "" {
			msg += fmt.Sprintf(" Did you mean %q?", near)
		}
		return errors.New(msg + " `asyncapi-ls rules` lists them; a rule of the Spectral ruleset is known when the ruleset loads.")
	}
	sev, ok := analysis.ParseLevel(level)
	if !ok {
		return levelError{fmt.Sprintf("%q is not a level for %s; use off, hint, info, warning or error.", level, code)}
	}
	levels[canon] = sev
	return nil
}

func parseIgnore(n *syntax.Node, cfg *Config) []Problem {
	var problems []Problem
	r := n.Resolve()
	if r == nil || r.IsNull() {
		return nil
	}
	if r.Kind != syntax.Sequence {
		return []Problem{{n.Start, n.End, "ignore must be a list of glob patterns such as generated/**."}}
	}
	for _, it := range r.Items {
		g := it.String()
		if g == "" {
			problems = append(problems, Problem{it.Start, it.End, "An ignore entry must be a glob pattern."})
			continue
		}
		if _, err := filepath.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
			problems = append(problems, Problem{it.Start, it.End, fmt.Sprintf("%q is not a valid glob pattern.", g)})
			continue
		}
		cfg.Ignore = append(cfg.Ignore, g)
	}
	return problems
}

// Ignored reports whether the project's ignore globs exclude path.
func (c *Config) Ignored(path string) bool {
	if c == nil || len(c.Ignore) == 0 || c.Dir == "" {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Ignore {
		if ruleset.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}
