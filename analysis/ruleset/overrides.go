package ruleset

import (
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// pointerLevel is a severity an override gives a rule below a JSON pointer
// of the documents its glob matches ("files: [api.yaml#/channels]").
type pointerLevel struct {
	pointer  string
	severity analysis.Severity
}

func cloneRules(in map[string]*Rule) map[string]*Rule {
	out := make(map[string]*Rule, len(in))
	for k, r := range in {
		c := *r
		out[k] = &c
	}
	return out
}

// applyOverride merges an override's extends and rules into rules.
// Problems are kept only when report is set: an override is checked once,
// when the ruleset loads, and applied quietly per document.
func (l *loader) applyOverride(o override, rules map[string]*Rule, report bool) {
	if !report {
		saved := l.rs.Problems
		defer func() { l.rs.Problems = saved }()
	}
	fc := &fileContext{path: o.file, text: o.text, root: o.node, functions: map[string]bool{}, aliases: map[string]*alias{}}
	if v := o.node.Get("extends"); v != nil {
		l.extends(fc, v, []string{o.file}, rules)
	}
	if v := o.node.Get("rules").Resolve(); v != nil && v.Kind == syntax.Mapping {
		for _, pair := range v.Pairs {
			l.mergeRule(fc, rules, pair.Key, pair.Value, false)
		}
	}
}

// rulesFor returns the rules that apply to the document at path (a local
// path; "" for a document without one) and the pointer severities of
// overrides matching it.
func (rs *Ruleset) rulesFor(path string) (map[string]*Rule, map[string][]pointerLevel) {
	if len(rs.overrides) == 0 || path == "" {
		return rs.rules, nil
	}
	rel, err := filepath.Rel(rs.dir, path)
	if err != nil {
		return rs.rules, nil
	}
	rel = filepath.ToSlash(rel)
	rules, cloned := rs.rules, false
	var levels map[string][]pointerLevel
	l := &loader{rs: &Ruleset{dir: rs.dir, builtin: rs.builtin}, codes: rs.codes}
	for _, o := range rs.overrides {
		for _, f := range o.files {
			glob, pointer, hasPointer := strings.Cut(f, "#")
			if !MatchGlob(glob, rel) {
				continue
			}
			if !hasPointer {
				if !cloned {
					rules, cloned = cloneRules(rs.rules), true
				}
				l.applyOverride(o, rules, false)
				continue
			}
			for _, pair := range o.node.Get("rules").PairsOrNil() {
				sev, ok := parseSeverity(pair.Value.Resolve(), false)
				if !ok {
					continue
				}
				if levels == nil {
					levels = map[string][]pointerLevel{}
				}
				levels[pair.Key.Value] = append(levels[pair.Key.Value], pointerLevel{pointer: pointer, severity: sev})
			}
		}
	}
	return rules, levels
}

// MatchGlob matches a slash-separated relative path against a glob where
// "**" spans folders, "*" and "?" stay within one, and {a,b} lists choices.
func MatchGlob(glob, rel string) bool {
	glob = strings.TrimPrefix(glob, "./")
	if i := strings.IndexByte(glob, '{'); i >= 0 {
		if j := strings.IndexByte(glob[i:], '}'); j > 0 {
			for _, alt := range strings.Split(glob[i+1:i+j], ",") {
				if MatchGlob(glob[:i]+alt+glob[i+j+1:], rel) {
					return true
				}
			}
			return false
		}
	}
	return matchSegments(strings.Split(strings.Trim(glob, "/"), "/"), strings.Split(rel, "/"))
}

func matchSegments(pattern, segs []string) bool {
	for len(pattern) > 0 {
		if pattern[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pattern[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := filepath.Match(pattern[0], segs[0]); !ok {
			return false
		}
		pattern, segs = pattern[1:], segs[1:]
	}
	return len(segs) == 0
}
