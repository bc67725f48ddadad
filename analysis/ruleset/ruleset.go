package ruleset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// FileNames are the ruleset files looked up from a document's folder upward.
var FileNames = []string{".spectral.yaml", ".spectral.yml", ".spectral.json"}

// IsRulesetFile reports whether a path names a ruleset file by its name.
func IsRulesetFile(path string) bool {
	return slices.Contains(FileNames, filepath.Base(path))
}

// Problem is a mistake in a ruleset at the byte span [Start, End) of File.
// Errors are what Spectral refuses to load; warnings are what asyncapi-ls
// skips while the rest of the ruleset runs (a JavaScript function).
type Problem struct {
	File       string
	Start, End int
	Severity   analysis.Severity
	Message    string
}

// Ruleset is a loaded ruleset with everything it extends.
type Ruleset struct {
	File     string
	Files    []string // every file read, the ruleset's first
	Problems []Problem

	rules     map[string]*Rule
	overrides []override
	dir       string
	builtin   map[string]bool   // our rule codes that have a Spectral name
	codes     map[string]string // built-in names (Spectral's and ours) → our code
}

// Rule is one rule of a ruleset as merged from the files that define it.
type Rule struct {
	Name        string
	Description string
	Message     string
	DocURL      string
	Severity    analysis.Severity
	Recommended bool
	Enabled     bool
	Resolved    bool
	Formats     []string // nil: every document
	Given       []*Path
	Then        []*Then
	// Builtin is set for a rule of spectral:asyncapi, which the built-in
	// rule of that name runs; severitySet tells an explicit level from the
	// built-in's own.
	Builtin     bool
	severitySet bool
	// skip is set when the rule cannot run (a JavaScript function, an
	// invalid path): it is reported once and left out.
	skip bool
}

// Then is one check of a rule: a function applied to a field of each value
// the given paths select.
type Then struct {
	Field    string
	field    *Path // a field that is itself a JSONPath
	Function *Function
	Options  any
	prepared any // the options compiled by the function
}

type override struct {
	files []string // globs relative to the ruleset's folder, maybe with "#/pointer"
	node  *syntax.Node
	file  string
	text  []byte
}

// LoadOptions say how files are read.
type LoadOptions struct {
	// ReadFile reads a local file (open editor buffers first); nil reads the disk.
	ReadFile func(path string) ([]byte, error)
	// Fetch reads a remote ruleset; nil means remote references are off.
	Fetch func(url string) ([]byte, error)
	// Builtin are the built-in rules (analysis/rules.All()): their codes and
	// aliases are the Spectral names spectral:asyncapi maps to.
	Builtin []analysis.Rule
}

const maxRulesetSize = 4 << 20

func (o LoadOptions) read(path string) ([]byte, error) {
	if refs.IsRemote(path) {
		if o.Fetch == nil {
			return nil, errors.New("remote rulesets are not fetched while remote references are turned off")
		}
		return o.Fetch(path)
	}
	if o.ReadFile != nil {
		b, err := o.ReadFile(path)
		return b, readable(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, readable(err)
	}
	if !info.Mode().IsRegular() || info.Size() > maxRulesetSize {
		return nil, errors.New("not a regular file of at most 4 MiB")
	}
	return os.ReadFile(path)
}

// readable says why a file cannot be read without repeating its path.
func readable(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// Load reads the ruleset at path and everything it extends. It never fails:
// what cannot be used is a Problem, and the rest loads.
func Load(path string, opts LoadOptions) *Ruleset {
	rs := &Ruleset{File: path, dir: filepath.Dir(path), builtin: map[string]bool{}}
	l := &loader{rs: rs, opts: opts}
	for _, r := range opts.Builtin {
		for _, name := range append([]string{r.Code}, r.Aliases...) {
			if spectralAsyncAPI[name] || name == r.Code {
				l.builtinCode(name, r.Code)
			}
		}
	}
	text, err := opts.read(path)
	if err != nil {
		rs.Problems = append(rs.Problems, Problem{File: path, Severity: analysis.SeverityError,
			Message: "The ruleset cannot be read: " + err.Error()})
		rs.rules = map[string]*Rule{}
		return rs
	}
	rs.rules = l.file(path, text, nil, "", nil)
	rs.codes = l.codes
	// Apply each override once now, so that its mistakes show (a document
	// it matches gets it applied again, quietly).
	for _, o := range rs.overrides {
		l.applyOverride(o, cloneRules(rs.rules), true)
	}
	return rs
}

// loader carries one Load.
type loader struct {
	rs   *Ruleset
	opts LoadOptions
	// codes maps every accepted built-in name (Spectral's and ours) to our code.
	codes map[string]string
	// groups counts the scoped aliases expanded, to tell them apart.
	groups int
	// foreign holds the rules of the extended built-in rulesets for other
	// formats (spectral:oas, spectral:arazzo): names a ruleset may set.
	foreign map[string]bool
}

func (l *loader) builtinCode(name, code string) {
	if l.codes == nil {
		l.codes = map[string]string{}
	}
	l.codes[name] = code
	l.rs.builtin[code] = true
}

func (l *loader) problem(file string, n *syntax.Node, sev analysis.Severity, format string, args ...any) {
	p := Problem{File: file, Severity: sev, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Start, p.End = n.Start, n.End
	}
	l.rs.Problems = append(l.rs.Problems, p)
}

// file interprets one ruleset file. mode is the extends severity it was
// named with ("", "off", "recommended" or "all"); stack holds the files
// being read, to stop cycles; at is where the caller named it.
func (l *loader) file(path string, text []byte, stack []string, mode string, at *syntax.Node) map[string]*Rule {
	l.rs.Files = append(l.rs.Files, path)
	format := syntax.DetectFormat(path, text)
	f := syntax.Parse(text, format)
	for _, e := range f.Errors {
		l.rs.Problems = append(l.rs.Problems, Problem{File: path, Start: e.Start, End: e.End, Severity: analysis.SeverityError,
			Message: "The ruleset is not valid " + format.String() + ": " + e.Message})
	}
	rules := map[string]*Rule{}
	root := f.Root.Resolve()
	if root == nil {
		return rules
	}
	if root.Kind != syntax.Mapping {
		l.problem(path, root, analysis.SeverityError, "A ruleset is a mapping with keys such as extends, rules and overrides.")
		return rules
	}
	fc := &fileContext{path: path, text: text, root: root, mode: mode}
	if v := root.Get("formats"); v != nil {
		fc.formats = l.formats(path, v)
	}
	if v := root.Get("documentationUrl"); v != nil {
		fc.docURL = v.String()
	}
	fc.aliases = l.aliases(path, root.Get("aliases"))
	fc.functions = map[string]bool{}
	if v := root.Get("functions").Resolve(); v != nil {
		for _, it := range v.Items {
			fc.functions[it.String()] = true
		}
	}
	for _, pair := range root.Pairs {
		switch pair.Key.Value {
		case "extends":
			l.extends(fc, pair.Value, stack, rules)
		case "rules", "formats", "documentationUrl", "aliases", "functions", "functionsDir", "overrides", "parserOptions", "description":
		default:
			l.problem(path, pair.Key, analysis.SeverityError, "Unknown ruleset key %q; the keys are %s.", pair.Key.Value, strings.Join(topKeys, ", "))
		}
	}
	if v := root.Get("rules").Resolve(); v != nil {
		if v.Kind != syntax.Mapping {
			l.problem(path, v, analysis.SeverityError, "rules must map rule names to definitions or severities.")
		} else {
			for _, pair := range v.Pairs {
				l.mergeRule(fc, rules, pair.Key, pair.Value, len(stack) == 0)
			}
		}
	}
	if v := root.Get("overrides").Resolve(); v != nil && len(stack) == 0 {
		l.rs.rules = rules
		l.overrides(fc, v)
	}
	return rules
}

var topKeys = []string{"extends", "rules", "overrides", "formats", "aliases", "functions", "functionsDir", "documentationUrl", "parserOptions", "description"}

// fileContext is what rules of one file share.
type fileContext struct {
	path      string
	text      []byte
	root      *syntax.Node
	mode      string
	formats   []string
	docURL    string
	aliases   map[string]*alias
	functions map[string]bool // JavaScript functions the file declares
}

func (l *loader) formats(path string, n *syntax.Node) []string {
	r := n.Resolve()
	if r == nil || r.Kind != syntax.Sequence {
		l.problem(path, n, analysis.SeverityError, "formats must be a list such as [aas2, aas3].")
		return nil
	}
	out := []string{}
	for _, it := range r.Items {
		name := it.String()
		if !knownFormats[name] {
			l.problem(path, it, analysis.SeverityError, "Unknown format %q; the AsyncAPI formats are aas2, aas2_0 … aas2_6, aas3, aas3_0 and aas3_1.", name)
			continue
		}
		out = append(out, name)
	}
	return out
}

// extends reads the rulesets a file extends, in order, into rules.
func (l *loader) extends(fc *fileContext, n *syntax.Node, stack []string, rules map[string]*Rule) {
	r := n.Resolve()
	var entries []*syntax.Node
	switch {
	case r == nil:
		return
	case r.Kind == syntax.Sequence:
		entries = r.Items
	default:
		entries = []*syntax.Node{r}
	}
	for _, e := range entries {
		name, mode := e.Resolve(), ""
		if name.Kind == syntax.Sequence {
			if len(name.Items) != 2 {
				l.problem(fc.path, e, analysis.SeverityError, "An extends entry with a severity is [ruleset, off|recommended|all].")
				continue
			}
			mode = name.Items[1].String()
			if mode != "off" && mode != "recommended" && mode != "all" {
				l.problem(fc.path, name.Items[1], analysis.SeverityError, "%q is not an extends severity; use off, recommended or all.", mode)
				continue
			}
			name = name.Items[0].Resolve()
		}
		if name == nil || name.Kind != syntax.Scalar {
			l.problem(fc.path, e, analysis.SeverityError, "An extends entry names a ruleset: spectral:asyncapi, a file or a URL.")
			continue
		}
		l.extendOne(fc, name, mode, stack, rules)
	}
}

func (l *loader) extendOne(fc *fileContext, name *syntax.Node, mode string, stack []string, rules map[string]*Rule) {
	target := name.String()
	switch target {
	case "spectral:asyncapi":
		for sname, recommended := range spectralAsyncAPI {
			code, ok := l.codes[sname]
			if !ok {
				continue // one of the names of the structure check, which always runs
			}
			r := &Rule{Name: sname, Builtin: true, Recommended: recommended}
			r.Enabled = isEnabled(r, mode)
			rules[code] = mergeBuiltin(rules[code], r)
		}
		return
	case "spectral:oas", "spectral:arazzo":
		// Their rules are for OpenAPI and Arazzo documents: none applies
		// here, but the ruleset may name them.
		if l.foreign == nil {
			l.foreign = map[string]bool{}
		}
		for _, n := range spectralOtherRulesets[target] {
			l.foreign[n] = true
		}
		return
	}
	if strings.HasPrefix(target, "spectral:") {
		l.problem(fc.path, name, analysis.SeverityError, "Unknown ruleset %q; the built-in one for AsyncAPI is spectral:asyncapi.", target)
		return
	}
	if strings.HasPrefix(target, "@") || (!strings.Contains(target, "/") && !strings.Contains(target, ".") && !refs.IsRemote(target)) {
		l.problem(fc.path, name, analysis.SeverityError, "The ruleset %q is an npm package; asyncapi-ls reads local files and URLs only (install it and extend its file by path).", target)
		return
	}
	path := target
	if !refs.IsRemote(target) && !filepath.IsAbs(target) {
		if refs.IsRemote(fc.path) {
			path = strings.TrimSuffix(fc.path[:strings.LastIndex(fc.path, "/")+1], "/") + "/" + target
		} else {
			path = filepath.Join(filepath.Dir(fc.path), target)
		}
	}
	if slices.Contains(stack, path) || path == fc.path {
		l.problem(fc.path, name, analysis.SeverityError, "The ruleset %q extends itself through %s.", target, strings.Join(append(stack, fc.path), " → "))
		return
	}
	if len(stack) > 16 {
		l.problem(fc.path, name, analysis.SeverityError, "Rulesets extend each other too deeply here.")
		return
	}
	text, err := l.opts.read(path)
	if err != nil {
		l.problem(fc.path, name, analysis.SeverityError, "The ruleset %q cannot be read: %v.", target, err)
		return
	}
	before := len(l.rs.Problems)
	inner := l.file(path, text, append(stack, fc.path), mode, name)
	if after := len(l.rs.Problems); after > before {
		// Point at the extends entry too, so the problem shows in this file.
		for _, p := range l.rs.Problems[before:after] {
			if p.File != fc.path {
				l.problem(fc.path, name, p.Severity, "In %s: %s", filepath.Base(p.File), p.Message)
			}
		}
	}
	for k, r := range inner {
		if mode != "" {
			r.Enabled = isEnabled(r, mode)
		}
		if r.Builtin {
			rules[k] = mergeBuiltin(rules[k], r)
			continue
		}
		rules[k] = r
	}
}

func mergeBuiltin(old, r *Rule) *Rule {
	if old != nil && old.Builtin && old.severitySet && !r.severitySet {
		r.Severity, r.severitySet = old.Severity, true
	}
	return r
}

func isEnabled(r *Rule, mode string) bool {
	switch mode {
	case "off":
		return false
	case "all":
		return true
	}
	return r.Recommended
}

// mergeRule applies one entry of "rules": a severity or boolean for an
// existing rule, or a definition.
func (l *loader) mergeRule(fc *fileContext, rules map[string]*Rule, keyNode, value *syntax.Node, top bool) {
	name := keyNode.Value
	key := name
	if code, ok := l.codes[name]; ok {
		key = code
	}
	existing := rules[key]
	v := value.Resolve()
	if v == nil {
		return
	}
	if v.Kind == syntax.Scalar {
		if existing == nil {
			if code, ok := l.codes[name]; ok {
				existing = &Rule{Name: name, Builtin: true, Recommended: true}
				key = code
			} else if l.foreign[name] {
				return // a rule for OpenAPI or Arazzo documents
			} else {
				msg := fmt.Sprintf("Unknown rule %q: no ruleset this one extends defines it.", name)
				if near := refs.Closest(name, l.knownNames(rules)); near != "" {
					msg = strings.TrimSuffix(msg, ".") + fmt.Sprintf("; did you mean %q?", near)
				}
				l.problem(fc.path, keyNode, analysis.SeverityError, "%s", msg)
				return
			}
		}
		if v.Tag() == "!!bool" {
			existing.Enabled = strings.EqualFold(v.Value, "true")
			rules[key] = existing
			return
		}
		sev, ok := parseSeverity(v, false)
		if !ok {
			l.problem(fc.path, v, analysis.SeverityError, "%q is not a severity here; use error, warn, info, hint or off (numbers only in a rule's severity field).", v.Value)
			return
		}
		if sev == analysis.SeverityOff {
			existing.Enabled = false
		} else {
			existing.Severity, existing.severitySet, existing.Enabled = sev, true, true
		}
		rules[key] = existing
		return
	}
	if v.Kind != syntax.Mapping {
		l.problem(fc.path, v, analysis.SeverityError, "A rule is a definition (given, then, …), a severity or true/false.")
		return
	}
	r := l.parseRule(fc, name, keyNode, v, existing)
	if r == nil {
		return
	}
	if existing != nil && existing.Builtin && v.Get("given") == nil && v.Get("then") == nil {
		// Only severity, description or the like for a built-in rule.
		rules[key] = r
		return
	}
	if existing != nil && existing.Builtin {
		// A definition under a built-in rule's name replaces it: ours is
		// turned off, and the definition runs under that name.
		rules[key] = &Rule{Name: existing.Name, Builtin: true, Enabled: false, severitySet: true, Severity: analysis.SeverityOff}
		key = "custom:" + name
	}
	rules[key] = r
}

func (l *loader) knownNames(rules map[string]*Rule) []string {
	var out []string
	for k, r := range rules {
		out = append(out, k, r.Name)
	}
	for k := range l.codes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// parseSeverity reads a severity as Spectral does: a name (error, warn,
// info, hint, off), or, in a rule's severity field only, a number (0 error
// … 3 hint, -1 off).
func parseSeverity(n *syntax.Node, numbers bool) (analysis.Severity, bool) {
	if n == nil || n.Kind != syntax.Scalar {
		return 0, false
	}
	if n.Tag() == "!!int" && !numbers {
		return 0, false
	}
	switch n.Value {
	case "error", "0":
		return analysis.SeverityError, true
	case "warn", "1":
		return analysis.SeverityWarning, true
	case "info", "2":
		return analysis.SeverityInformation, true
	case "hint", "3":
		return analysis.SeverityHint, true
	case "off", "-1":
		return analysis.SeverityOff, true
	}
	return 0, false
}

var ruleKeys = []string{"given", "then", "description", "message", "severity", "recommended", "resolved", "formats", "documentationUrl", "type", "tags", "extensions"}

// parseRule reads a rule definition; existing is the rule of the same name
// from an extended ruleset, which a definition changes (Object.assign).
func (l *loader) parseRule(fc *fileContext, name string, keyNode, v *syntax.Node, existing *Rule) *Rule {
	r := &Rule{Name: name, Recommended: true, Resolved: true, Severity: analysis.SeverityWarning}
	if existing != nil {
		c := *existing
		r = &c
		r.skip = false
	}
	for _, pair := range v.Pairs {
		k, val := pair.Key.Value, pair.Value
		switch k {
		case "description":
			r.Description = val.String()
		case "message":
			r.Message = val.String()
		case "documentationUrl":
			r.DocURL = val.String()
		case "severity":
			sev, ok := parseSeverity(val.Resolve(), true)
			if !ok {
				l.problem(fc.path, val, analysis.SeverityError, "%q is not a severity; use error, warn, info, hint, off, or 0 (error) to 3 (hint), -1 (off).", val.String())
				continue
			}
			r.Severity, r.severitySet = sev, true
		case "recommended":
			r.Recommended = val.String() != "false"
		case "resolved":
			r.Resolved = val.String() != "false"
		case "formats":
			r.Formats = l.formats(fc.path, val)
		case "given":
			r.Given = nil
			for _, g := range items(val) {
				for _, ae := range l.expandAlias(fc, g) {
					p, err := CompilePath(ae.expr)
					if err != nil {
						l.problem(fc.path, g, analysis.SeverityError, "%s", err.Error())
						r.skip = true
						continue
					}
					p.formats, p.group, p.rank = ae.formats, ae.group, ae.rank
					r.Given = append(r.Given, p)
				}
			}
		case "then":
			r.Then = nil
			for _, t := range items(val) {
				th := l.parseThen(fc, name, t)
				if th == nil {
					r.skip = true
					continue
				}
				r.Then = append(r.Then, th)
			}
		case "type", "tags", "extensions":
		default:
			l.problem(fc.path, pair.Key, analysis.SeverityError, "Unknown rule key %q; the keys are %s.", k, strings.Join(ruleKeys[:9], ", "))
		}
	}
	if existing == nil || existing.Builtin {
		if v.Get("given") == nil && (existing == nil || !existing.Builtin || v.Get("then") != nil) {
			l.problem(fc.path, keyNode, analysis.SeverityError, "The rule %q needs given (the JSONPath of the values it checks).", name)
			return nil
		}
		if v.Get("then") == nil && (existing == nil || !existing.Builtin || v.Get("given") != nil) {
			l.problem(fc.path, keyNode, analysis.SeverityError, "The rule %q needs then (the function applied to those values).", name)
			return nil
		}
		if existing != nil && existing.Builtin && v.Get("given") == nil {
			r.Builtin = true
		}
	}
	if r.Formats == nil && v.Get("formats") == nil && fc.formats != nil && (existing == nil || existing.Formats == nil) {
		r.Formats = fc.formats
	}
	if r.DocURL == "" && fc.docURL != "" {
		r.DocURL = fc.docURL + "#" + name
	}
	r.Enabled = isEnabled(r, fc.mode)
	if fc.mode == "" {
		r.Enabled = r.Recommended
	}
	return r
}

// items is a node's list items, or the node itself.
func items(n *syntax.Node) []*syntax.Node {
	r := n.Resolve()
	if r != nil && r.Kind == syntax.Sequence {
		return r.Items
	}
	return []*syntax.Node{n}
}

func (l *loader) parseThen(fc *fileContext, rule string, n *syntax.Node) *Then {
	m := n.Resolve()
	if m == nil || m.Kind != syntax.Mapping {
		l.problem(fc.path, n, analysis.SeverityError, "then holds a function (and maybe field and functionOptions), or a list of them.")
		return nil
	}
	th := &Then{}
	fnNode := m.Get("function")
	for _, pair := range m.Pairs {
		switch pair.Key.Value {
		case "field":
			th.Field = pair.Value.String()
			if strings.HasPrefix(th.Field, "$") {
				p, err := CompilePath(th.Field)
				if err != nil {
					l.problem(fc.path, pair.Value, analysis.SeverityError, "%s", err.Error())
					return nil
				}
				th.field = p
			}
		case "function", "functionOptions":
		default:
			l.problem(fc.path, pair.Key, analysis.SeverityError, "Unknown key %q in then; the keys are field, function and functionOptions.", pair.Key.Value)
		}
	}
	if fnNode == nil {
		l.problem(fc.path, n, analysis.SeverityError, "then needs a function, such as truthy or pattern.")
		return nil
	}
	name := fnNode.String()
	fn := Functions[name]
	switch {
	case fn != nil:
		th.Function = fn
	case fc.functions[name]:
		l.problem(fc.path, fnNode, analysis.SeverityWarning,
			"The rule %q uses the JavaScript function %q, which asyncapi-ls does not run: the rule is skipped, the rest of the ruleset runs.", rule, name)
		return nil
	default:
		msg := fmt.Sprintf("Unknown function %q", name)
		if near := refs.Closest(name, FunctionNames()); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		l.problem(fc.path, fnNode, analysis.SeverityError, "%s (a JavaScript function must be declared in functions).", msg)
		return nil
	}
	optNode := m.Get("functionOptions")
	if optNode != nil {
		d, err := optNode.Data()
		if err != nil {
			l.problem(fc.path, optNode, analysis.SeverityError, "functionOptions: %v", err)
			return nil
		}
		th.Options = d
	}
	prepared, perr := fn.prepare(th.Options)
	if perr != nil {
		at := optNode
		if at == nil {
			at = fnNode
		}
		if oe, ok := perr.(*optionError); ok && optNode != nil {
			if pair := optNode.Resolve().FindPair(oe.path...); pair != nil {
				at = pair.Key
			} else if sub := optNode.Resolve().Find(oe.path...); sub != nil {
				at = sub
			}
		}
		l.problem(fc.path, at, analysis.SeverityError, "%s", perr.Error())
		return nil
	}
	th.prepared = prepared
	return th
}

// alias is an aliases entry: given expressions, or per-format targets.
type alias struct {
	given   []string
	targets []aliasTarget
}

type aliasTarget struct {
	formats []string
	given   []string
}

func (l *loader) aliases(path string, n *syntax.Node) map[string]*alias {
	m := n.Resolve()
	out := map[string]*alias{}
	if m == nil {
		return out
	}
	if m.Kind != syntax.Mapping {
		l.problem(path, n, analysis.SeverityError, "aliases must map names to JSONPath expressions.")
		return out
	}
	for _, pair := range m.Pairs {
		a := &alias{}
		v := pair.Value.Resolve()
		switch {
		case v == nil:
		case v.Kind == syntax.Mapping:
			for _, t := range items(v.Get("targets")) {
				tm := t.Resolve()
				if tm == nil || tm.Kind != syntax.Mapping {
					continue
				}
				at := aliasTarget{formats: l.formats(path, tm.Get("formats"))}
				for _, g := range items(tm.Get("given")) {
					at.given = append(at.given, g.String())
				}
				a.targets = append(a.targets, at)
			}
		default:
			for _, g := range items(v) {
				a.given = append(a.given, g.String())
			}
		}
		out[pair.Key.Value] = a
	}
	return out
}

// aliasExpr is one expression a given expands to. A scoped alias's
// targets keep their formats: at run time the last target whose formats the
// document has is the one used (group tells the targets of one alias use
// apart, rank their order), as Spectral chooses.
type aliasExpr struct {
	expr    string
	formats []string
	group   int
	rank    int
}

// expandAlias replaces a leading "#Name" by the alias's expressions (the
// rest of the text appended to each).
func (l *loader) expandAlias(fc *fileContext, n *syntax.Node) []aliasExpr {
	var expand func(e aliasExpr, depth int) []aliasExpr
	expand = func(e aliasExpr, depth int) []aliasExpr {
		expr := e.expr
		if !strings.HasPrefix(expr, "#") {
			return []aliasExpr{e}
		}
		end := 1
		for end < len(expr) && (isIdent(expr[end]) || expr[end] == '-') && expr[end] != '$' && expr[end] != '@' {
			end++
		}
		name := expr[1:end]
		a := fc.aliases[name]
		if a == nil {
			l.problem(fc.path, n, analysis.SeverityError, "Unknown alias %q.", name)
			return nil
		}
		if depth > 16 {
			l.problem(fc.path, n, analysis.SeverityError, "The alias %q is circular.", name)
			return nil
		}
		var out []aliasExpr
		for _, g := range a.given {
			out = append(out, expand(aliasExpr{expr: g + expr[end:], formats: e.formats, group: e.group, rank: e.rank}, depth+1)...)
		}
		if len(a.targets) > 0 {
			l.groups++
			group := l.groups
			for rank, t := range a.targets {
				for _, g := range t.given {
					out = append(out, expand(aliasExpr{expr: g + expr[end:], formats: t.formats, group: group, rank: rank}, depth+1)...)
				}
			}
		}
		return out
	}
	return expand(aliasExpr{expr: n.String()}, 0)
}

// overrides records the overrides of the top ruleset; they apply per document.
func (l *loader) overrides(fc *fileContext, n *syntax.Node) {
	if n.Kind != syntax.Sequence {
		l.problem(fc.path, n, analysis.SeverityError, "overrides must be a list of {files, rules} entries.")
		return
	}
	for _, it := range n.Items {
		m := it.Resolve()
		if m == nil || m.Kind != syntax.Mapping || m.Get("files") == nil {
			l.problem(fc.path, it, analysis.SeverityError, "An override needs files (globs relative to the ruleset) and rules or extends.")
			continue
		}
		o := override{node: m, file: fc.path, text: fc.text}
		for _, f := range items(m.Get("files")) {
			o.files = append(o.files, f.String())
		}
		l.rs.overrides = append(l.rs.overrides, o)
	}
}

// RuleNames lists the rules the ruleset defines itself (not the built-in
// ones it configures), sorted.
func (rs *Ruleset) RuleNames() []string {
	var out []string
	for _, r := range rs.rules {
		if !r.Builtin {
			out = append(out, r.Name)
		}
	}
	sort.Strings(out)
	return out
}
