package ruleset

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// Apply adds the ruleset's rules for the document at docURI to opts and
// gives the built-in rules the levels the ruleset sets (levels the user
// configured stay on top).
func (rs *Ruleset) Apply(opts *analysis.Options, docURI string) {
	if rs == nil {
		return
	}
	rules, pointerLevels := rs.rulesFor(refs.FilePath(docURI))
	levels := map[string]analysis.Severity{}
	defaults := map[string]analysis.Severity{}
	for _, r := range opts.Rules {
		defaults[r.Code] = r.Severity
	}
	names := make([]string, 0, len(rules))
	for k := range rules {
		names = append(names, k)
	}
	sort.Strings(names)
	var custom []analysis.Rule
	for _, key := range names {
		r := rules[key]
		if r.Builtin {
			code := rs.codes[r.Name]
			if code == "" {
				continue
			}
			switch {
			case !r.Enabled:
				levels[code] = analysis.SeverityOff
			case r.severitySet:
				levels[code] = r.Severity
			case defaults[code] == analysis.SeverityOff:
				levels[code] = analysis.SeverityWarning
			}
			continue
		}
		if !r.Enabled || r.skip || r.Severity == analysis.SeverityOff {
			continue
		}
		custom = append(custom, analysis.Rule{Code: r.Name, Severity: r.Severity, AnyVersion: true,
			Description: r.Description, DocURL: r.DocURL, Check: rs.checker(r, pointerLevels[r.Name]), Weight: r.weight()})
	}
	opts.Rules = append(append([]analysis.Rule(nil), opts.Rules...), custom...)
	if len(levels) == 0 {
		return
	}
	merged := &analysis.Config{Levels: levels}
	if opts.Config != nil {
		merged.Strict = opts.Config.Strict
		for k, v := range opts.Config.Levels {
			merged.Levels[k] = v
		}
	}
	opts.Config = merged
}

// weight is the analysis.Rule weight of a custom rule: one that walks the
// whole document ("$..") is among the longest of a check.
func (r *Rule) weight() int {
	for _, g := range r.Given {
		if g.descends() {
			return 1
		}
	}
	for _, th := range r.Then {
		if th.field != nil && th.field.descends() {
			return 1
		}
	}
	return 0
}

// runtime is what the rules of one pass share: the two views of the
// document and the documents findings land in.
type runtime struct {
	pass    *analysis.Pass
	self    string
	formats map[string]bool
	views   [2]*view

	mu   sync.Mutex
	docs map[string]*analysis.Document

	refsOnce   sync.Once
	referenced map[string]bool
}

type runtimeKey struct{}

func runtimeOf(p *analysis.Pass) *runtime {
	return p.Memo(runtimeKey{}, func() any {
		self := refs.CanonicalURI(p.Doc.URI)
		load := p.Loader()
		version, _ := p.Doc.SpecVersion()
		dups := len(p.Doc.File().Duplicates) > 0
		targets := &refTargets{byText: map[refText]*resolvedRef{}}
		return &runtime{pass: p, self: self, formats: documentFormats(version),
			views: [2]*view{newView(false, self, p.Root, load, dups, targets), newView(true, self, p.Root, load, dups, targets)},
			docs:  map[string]*analysis.Document{self: p.Doc}}
	}).(*runtime)
}

func (rt *runtime) view(resolved bool) *view {
	if resolved {
		return rt.views[1]
	}
	return rt.views[0]
}

func (rt *runtime) doc(uri string) *analysis.Document {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	d, ok := rt.docs[uri]
	if !ok {
		d = rt.pass.DocumentAt(uri)
		rt.docs[uri] = d
	}
	return d
}

// span is the byte range Spectral gives a value: a mapping or list under a
// YAML key starts just after the key's colon (so on the key's line), a
// scalar covers itself, an empty value sits after the colon.
func (rt *runtime) span(p place) (int, int) {
	n := p.node
	if n == nil {
		return 0, 0
	}
	d := rt.doc(p.uri)
	if p.key == nil || d == nil || (n.Kind == syntax.Scalar && (n.End > n.Start || d.Format() == syntax.JSON)) {
		return n.Start, n.End
	}
	start := p.key.End
	if i := bytes.IndexByte(d.Text[start:min(len(d.Text), n.Start+1)], ':'); i >= 0 {
		start += i + 1
	}
	return start, max(start, n.End)
}

// checker runs one custom rule.
func (rs *Ruleset) checker(r *Rule, levels []pointerLevel) func(p *analysis.Pass) []analysis.Diagnostic {
	return func(p *analysis.Pass) []analysis.Diagnostic {
		rt := runtimeOf(p)
		if r.Formats != nil && !matchesFormats(r.Formats, rt.formats) {
			return nil
		}
		v := rt.view(r.Resolved)
		e := &emitter{rs: rs, rt: rt, rule: r, v: v, levels: levels, seen: map[string]bool{}}
		// Of a scoped alias, the last target whose formats the document has.
		chosen := map[int]int{}
		for _, g := range r.Given {
			if g.group != 0 && matchesFormats(g.formats, rt.formats) {
				chosen[g.group] = max(chosen[g.group], g.rank+1)
			}
		}
		for _, g := range r.Given {
			if g.group != 0 && (!matchesFormats(g.formats, rt.formats) || chosen[g.group] != g.rank+1) {
				continue
			}
			g.eval(v, v.rootPlace(), func(m match) {
				for _, th := range r.Then {
					for _, in := range targets(v, m, th) {
						c := &call{v: v, rt: rt, in: in, opts: th.prepared, rule: r}
						for _, f := range th.Function.run(c) {
							e.emit(c, f)
						}
					}
				}
			})
		}
		return e.out
	}
}

func matchesFormats(want []string, have map[string]bool) bool {
	for _, f := range want {
		if have[f] {
			return true
		}
	}
	return false
}

// input is the value a function checks: the value at a place, a key, or
// nothing (missing holds the names that were not found below at).
type input struct {
	at      place
	missing []string
	isKey   bool
}

func (in input) defined() bool { return len(in.missing) == 0 && (in.isKey || in.at.node != nil) }

func (in input) js() jsVal {
	switch {
	case len(in.missing) > 0:
		return jsVal{}
	case in.isKey:
		if in.at.path != nil && in.at.path.index >= 0 {
			return jsVal{kind: jsNumber, n: float64(in.at.path.index)}
		}
		return jsVal{kind: jsString, s: in.at.path.last()}
	}
	return fromPlace(in.at)
}

func (in input) str() (string, bool) {
	v := in.js()
	return v.s, v.kind == jsString
}

// length is the length the length function measures.
func (in input) length() (float64, bool) {
	v := in.js()
	switch v.kind {
	case jsString:
		return float64(utf16Len(v.s)), true
	case jsNumber:
		return v.n, true
	case jsObject:
		return float64(len(in.at.node.Pairs)), true
	case jsArray:
		return float64(len(in.at.node.Items)), true
	}
	return 0, false
}

// targets are the inputs of one then for one match, as Spectral's
// getLintTargets makes them.
func targets(v *view, m match, th *Then) []input {
	collection := !m.key && m.node != nil && (m.node.Kind == syntax.Mapping || m.node.Kind == syntax.Sequence)
	if !collection || th.Field == "" {
		return []input{{at: m.place, isKey: m.key}}
	}
	var out []input
	switch {
	case th.Field == "@key":
		for _, c := range v.children(m.place) {
			out = append(out, input{at: c, isKey: true})
		}
	case th.field != nil:
		th.field.eval(v, m.place, func(r match) { out = append(out, input{at: r.place, isKey: r.key}) })
	default:
		at := m.place
		toks := fieldTokens(th.Field)
		for i, tok := range toks {
			next, ok := v.field(at, tok)
			if !ok {
				return []input{{at: at, missing: toks[i:]}}
			}
			at = next
		}
		return []input{{at: at}}
	}
	if len(out) == 0 {
		out = append(out, input{at: m.place, missing: []string{""}})
	}
	return out
}

// fieldTokens splits a field as lodash's toPath does: a.b, a[0], a['b.c'].
func fieldTokens(field string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(field); i++ {
		switch c := field[i]; c {
		case '.':
			flush()
		case '[':
			flush()
			end := strings.IndexByte(field[i:], ']')
			if end < 0 {
				cur.WriteString(field[i:])
				i = len(field)
				continue
			}
			inner := strings.Trim(field[i+1:i+end], `'"`)
			out = append(out, inner)
			i += end
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

// call is one function application.
type call struct {
	v    *view
	rt   *runtime
	in   input
	opts any
	rule *Rule
}

// property names the input in messages, as Spectral's {{property}}: the
// last name of its path, or the names that were not found.
func (c *call) property() string {
	if len(c.in.missing) > 0 && c.in.missing[0] != "" {
		if c.in.at.at == nil {
			return c.in.missing[len(c.in.missing)-1]
		}
		return strings.Join(append([]string{c.in.at.at.last()}, c.in.missing...), ".")
	}
	return c.in.at.at.last()
}

// printValue shows the input in a message.
func (c *call) printValue() string {
	if c.in.isKey {
		return strconv.Quote(c.in.at.path.last())
	}
	return printPlace(c.in.at)
}

func printPlace(p place) string {
	switch kindOf(p.node) {
	case "object":
		return "the object"
	case "array":
		return "the list"
	case "undefined":
		return "undefined"
	}
	d, _ := p.node.Data()
	return printData(d)
}

// emitter turns findings into diagnostics, each once.
type emitter struct {
	rs     *Ruleset
	rt     *runtime
	rule   *Rule
	v      *view
	levels []pointerLevel
	seen   map[string]bool
	out    []analysis.Diagnostic
}

func (e *emitter) emit(c *call, f finding) {
	loc := c.in.at
	missing := c.in.missing
	descend := func(toks []string) {
		for i, tok := range toks {
			next, ok := e.v.field(loc, tok)
			if !ok {
				missing = toks[i:]
				return
			}
			loc = next
		}
	}
	switch {
	case f.abs != nil:
		loc, missing = e.v.rootPlace(), nil
		descend(f.abs)
	case f.sub != nil && len(missing) == 0:
		descend(f.sub)
	}
	var entry *syntax.Node
	if e.v.resolved {
		loc, entry = e.locate(append(loc.path.tokens(), missing...), loc.path.depth())
	}
	msg := e.message(c, f, loc)
	sev := e.rule.Severity
	if len(e.levels) > 0 {
		ptr := refs.FormatPointer(loc.at.tokens())
		best := -1
		for _, l := range e.levels {
			if (ptr == l.pointer || strings.HasPrefix(ptr, l.pointer+"/")) && len(l.pointer) >= best {
				best, sev = len(l.pointer), l.severity
			}
		}
	}
	if sev == analysis.SeverityOff {
		return
	}
	start, end := e.rt.span(loc)
	key := loc.uri + "\x00" + strconv.Itoa(start) + "\x00" + strconv.Itoa(end) + "\x00" + msg
	if e.seen[key] {
		return
	}
	e.seen[key] = true
	d := analysis.Diagnostic{Start: start, End: end, Severity: sev, Code: e.rule.Name, Message: msg, DocURL: e.rule.DocURL}
	if loc.uri != e.rt.self {
		// The value is written in a referenced document: the diagnostic
		// sits on the reference that leads there and points at the value.
		other := analysis.Related{URI: loc.uri, Start: start, End: end, Message: msg}
		d.Origin = &other
		d.Related = []analysis.Related{{URI: loc.uri, Start: start, End: end, Message: "The value this finding is about, in the referenced document."}}
		d.Start, d.End = 0, 0
		if entry != nil {
			d.Start, d.End = entry.Start, entry.End
		}
	}
	e.out = append(e.out, d)
}

// locate places a finding of a rule on the resolved document as Spectral
// maps its path back to where the value is written. path is the way
// through the resolved document; its first existing tokens exist there.
// When no reference lies on the way as written (one with keys beside
// "$ref" at the very end does not count), the place is the closest
// existing one of that way in the analysed document. Otherwise the way is
// replayed as written, jumping to a reference's target wherever the way
// reaches a reference object. entry is the last reference of the analysed
// document that led into another one.
func (e *emitter) locate(path []string, existing int) (place, *syntax.Node) {
	raw := e.rt.view(false)
	root := raw.rootPlace()
	through := false
	p := root
	for _, tok := range path[:existing] {
		next, ok := raw.field(p, tok)
		if !ok {
			through = refs.RefNode(p.node) != nil
			break
		}
		p = next
	}
	if !through {
		through = p.node != nil && len(p.node.Pairs) == 1 && refs.RefNode(p.node) != nil
	}
	if !through {
		return closest(raw, root, path), nil
	}
	var entry *syntax.Node
	docRoot, at := root, []string{}
	for _, tok := range path {
		at = append(at, tok)
		for range 32 {
			n := docRoot.node.Find(at...)
			ref := refs.RefNode(n)
			if ref == nil {
				break
			}
			r := e.v.lookup(docRoot.uri, ref)
			if r == nil || (r.target.URI == docRoot.uri && hasPrefix(at, r.target.Tokens)) {
				break // a reference to its own ancestor is left as written
			}
			if r.target.URI != docRoot.uri {
				targetRoot, err := e.rt.pass.Loader()(r.target.URI)
				if err != nil || targetRoot == nil {
					break
				}
				if docRoot.uri == e.rt.self {
					entry = ref
				}
				docRoot = place{node: targetRoot.Resolve(), uri: r.target.URI}
			}
			at = append([]string(nil), r.target.Tokens...)
		}
	}
	return closest(raw, docRoot, at), entry
}

// closest is the place of path below from, as far as it exists as written.
func closest(raw *view, from place, path []string) place {
	for _, tok := range path {
		next, ok := raw.field(from, tok)
		if !ok {
			break
		}
		from = next
	}
	return from
}

var templateVar = regexp.MustCompile(`#?\{\{\s*(?:print\(\s*["'](\w+)["']\s*\)|(\w+))\s*\}\}`)

func (e *emitter) message(c *call, f finding, loc place) string {
	r := e.rule
	if r.Message == "" {
		if r.Description != "" {
			return strings.TrimSpace(r.Description)
		}
		return strings.TrimSpace(f.message)
	}
	vars := func(name string) string {
		switch name {
		case "error":
			return f.message
		case "description":
			return r.Description
		case "path":
			var b strings.Builder
			b.WriteByte('#')
			for _, t := range loc.at.tokens() {
				b.WriteString("/" + refs.FragmentToken(t))
			}
			return b.String()
		case "property":
			return c.property()
		case "value":
			if kindOf(loc.node) == "string" {
				return loc.node.String() // as written, without quotes
			}
			return printPlace(loc)
		}
		return ""
	}
	out := templateVar.ReplaceAllStringFunc(r.Message, func(m string) string {
		g := templateVar.FindStringSubmatch(m)
		if g[1] != "" {
			return vars(g[1])
		}
		return vars(g[2])
	})
	return strings.TrimSpace(out)
}

// referencedKeys are the keys of every reference in the analysed document
// and the documents it reaches, for unreferencedReusableObject.
func (rt *runtime) referencedKeys() map[string]bool {
	rt.refsOnce.Do(func() {
		rt.referenced = map[string]bool{}
		load := rt.pass.Loader()
		queue := []string{rt.self}
		done := map[string]bool{rt.self: true}
		for len(queue) > 0 {
			uri := queue[0]
			queue = queue[1:]
			root, err := load(uri)
			if err != nil || root == nil {
				continue
			}
			for _, site := range refs.Collect(root) {
				k, err := refs.Resolve(uri, site.Value.Value)
				if err != nil || (k.URI == uri && hasPrefix(site.Path, k.Tokens)) {
					continue // a reference to itself or an ancestor references nothing new
				}
				rt.referenced[k.String()] = true
				if !done[k.URI] && !refs.IsRemote(k.URI) {
					done[k.URI] = true
					queue = append(queue, k.URI)
				}
			}
		}
	})
	return rt.referenced
}

func runUnreferenced(c *call) []finding {
	if c.in.js().kind != jsObject {
		return nil
	}
	loc, _ := refs.ParsePointer(strings.TrimPrefix(c.opts.(string), "#"))
	referenced := c.rt.referencedKeys()
	var out []finding
	for _, ch := range c.v.children(c.in.at) {
		name := ch.path.last()
		tokens := append(append([]string(nil), loc...), name)
		if referenced[refs.Key{URI: c.rt.self, Tokens: tokens}.String()] {
			continue
		}
		out = append(out, finding{message: "Nothing references the reusable object " + strconv.Quote(name), abs: tokens})
	}
	return out
}

// jsonText renders options for hover and messages.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
