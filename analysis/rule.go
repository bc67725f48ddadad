package analysis

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Rule is one semantic check with a stable code. Rules live in analysis/rules,
// one per file; Analyze runs those in Options.Rules that apply to the
// document's version, after the structure check.
type Rule struct {
	// Code is the stable name users configure and suppress; the familiar
	// Spectral or parser name where one exists.
	Code string
	// Aliases are other tools' names for the same check (Spectral's
	// asyncapi-3-… and the parser's asyncapi2-…/asyncapi3-… codes); the
	// configuration accepts them too.
	Aliases []string
	// Severity is the default; SeverityOff for rules that must be turned on.
	// SeverityError marks what the specification requires: such a finding
	// stays an error only where Parser says the official parser rejects it
	// too (or in strict mode); elsewhere it is a warning.
	Severity Severity
	Versions Versions
	// Parser says where the official parser (@asyncapi/parser, pinned in
	// conformance/, with the schema parsers the AsyncAPI CLI registers)
	// rejects a document for what this rule finds; nil: it never does.
	Parser *Enforcement
	// Description says in one sentence what the rule wants.
	Description string
	DocURL      string
	// Check reports findings; the engine fills Code, Severity and DocURL
	// where the rule left them empty.
	Check func(p *Pass) []Diagnostic
	// AnyVersion runs the rule on AsyncAPI documents of any "asyncapi"
	// value, supported or not (Versions is then ignored): ruleset rules,
	// since Spectral lints whatever document it is given.
	AnyVersion bool
	// Serial names state a rule shares with others beyond Pass.Memo (a
	// schema compiler): rules with the same Serial run one after another;
	// the others run in parallel.
	Serial string
	// Weight says roughly how much longer than most (0) the rule runs on a
	// big document. Heavier rules start first, so that a long one does not
	// run alone at the end while the other processors are idle; the order
	// of the findings does not change.
	Weight int
}

// Enforcement is where the official parser enforces a rule, read from its
// rulesets (asyncapi2-…, asyncapi3-… rules at error level), its schema
// validation and its reference resolution, and tried on the rule's fixtures
// by conformance/run.sh.
type Enforcement struct {
	// Versions are the document versions the parser checks the rule for.
	Versions Versions
	// Only, when set, says which findings the parser rejects; the rule
	// marks the others Diagnostic.BeyondParser.
	Only string
}

// EnforcedFor reports whether the official parser rejects this rule's
// findings in documents of version (all of them, or those Only names).
func (r *Rule) EnforcedFor(version string) bool {
	return r.Parser != nil && r.Parser.Versions.Contains(version)
}

// Versions is an inclusive range of AsyncAPI versions; an empty bound is open.
type Versions struct {
	Min, Max string
}

// Common ranges.
var (
	AllVersions = Versions{}
	V2          = Versions{Min: "2.0.0", Max: "2.99.99"}
	V3          = Versions{Min: "3.0.0"}
)

// Contains reports whether version lies in the range.
func (v Versions) Contains(version string) bool {
	if v.Min != "" && CompareVersions(version, v.Min) < 0 {
		return false
	}
	return v.Max == "" || CompareVersions(version, v.Max) <= 0
}

func (v Versions) String() string {
	switch {
	case v.Min == "" && v.Max == "":
		return "all"
	case v.Max == "":
		return ">= " + v.Min
	case v.Min == "":
		return "<= " + v.Max
	case strings.HasSuffix(v.Max, ".99.99"):
		return v.Min + " – " + strings.TrimSuffix(v.Max, ".99.99") + ".x"
	}
	return v.Min + " – " + v.Max
}

// CompareVersions compares dotted numeric versions ("2.6.0" < "3.0.0");
// a pre-release suffix ("-rc1") sorts before the release.
func CompareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		x, xs := versionPart(as, i)
		y, ys := versionPart(bs, i)
		switch {
		case x != y:
			if x < y {
				return -1
			}
			return 1
		case xs != ys:
			if xs == "" || (ys != "" && xs > ys) {
				return 1
			}
			return -1
		}
	}
	return 0
}

func versionPart(parts []string, i int) (int, string) {
	if i >= len(parts) {
		return 0, ""
	}
	num, suffix, _ := strings.Cut(parts[i], "-")
	n, _ := strconv.Atoi(num)
	return n, suffix
}

// IsV3 reports whether the pass's document is AsyncAPI 3.x.
func (p *Pass) IsV3() bool { return strings.HasPrefix(p.Version, "3.") }

// runRules applies every rule of opts that fits the version.
func runRules(p *Pass) []Diagnostic {
	// Tasks: each rule alone, or all rules of one Serial group in order.
	var tasks [][]int
	group := map[string]int{}
	for i := range p.Options.Rules {
		r := &p.Options.Rules[i]
		applies := r.AnyVersion || (p.Version != "" && r.Versions.Contains(p.Version))
		if sev, _ := p.Options.Config.ruleSeverity(r); !applies || sev == SeverityOff {
			continue
		}
		if r.Serial == "" {
			tasks = append(tasks, []int{i})
			continue
		}
		if t, ok := group[r.Serial]; ok {
			tasks[t] = append(tasks[t], i)
			continue
		}
		group[r.Serial] = len(tasks)
		tasks = append(tasks, []int{i})
	}
	weight := func(t []int) int {
		w := 0
		for _, i := range t {
			w = max(w, p.Options.Rules[i].Weight)
		}
		return w
	}
	slices.SortStableFunc(tasks, func(a, b []int) int { return weight(b) - weight(a) })
	found := make([][]Diagnostic, len(p.Options.Rules))
	next := make(chan []int)
	var wg sync.WaitGroup
	var failed sync.Once
	var panicked any
	workers := runtime.GOMAXPROCS(0)
	if w := p.Options.RuleWorkers; w > 0 {
		workers = min(workers, w)
	}
	for range min(workers, max(len(tasks), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for task := range next {
				for _, i := range task {
					if p.Cancelled() {
						break // a newer version made this run moot
					}
					func() {
						defer func() {
							if r := recover(); r != nil {
								failed.Do(func() { panicked = r })
							}
						}()
						found[i] = runRule(p, &p.Options.Rules[i])
					}()
				}
			}
		}()
	}
	for _, t := range tasks {
		next <- t
	}
	close(next)
	wg.Wait()
	if panicked != nil {
		panic(panicked) // a rule's bug surfaces where the caller recovers
	}
	var out []Diagnostic
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

func runRule(p *Pass, r *Rule) []Diagnostic {
	sev, overridden := p.Options.Config.ruleSeverity(r)
	enforced := r.EnforcedFor(p.Version)
	var out []Diagnostic
	for _, d := range r.Check(p) {
		if d.Code == "" {
			d.Code = r.Code
		}
		if d.Severity == 0 {
			d.Severity = r.Severity
		}
		// A requirement the official parser does not check here; the
		// configuration then decides its level (see Config.apply). A
		// ruleset's rule (AnyVersion) keeps the level its team gave it.
		d.BeyondParser = d.BeyondParser || d.Severity == SeverityError && !enforced && !r.AnyVersion
		if overridden {
			d.Severity = sev
		}
		if d.DocURL == "" {
			d.DocURL = r.DocURL
		}
		out = append(out, d)
	}
	return out
}
