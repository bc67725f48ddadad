package analysis

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// Diagnostic codes of the resolved-document check.
const (
	// CodeRefContentInvalid marks a "$ref" whose target, in another
	// document, does not fit the place of the reference.
	CodeRefContentInvalid = "ref-content-invalid"
	// CodePayloadSchemaFormat marks a payload that refers to an Avro schema
	// while the message names no schemaFormat: it is read as an AsyncAPI
	// schema, which it is not.
	CodePayloadSchemaFormat = "payload-schemaformat-missing"
)

// AvroSchemaFormat is the schemaFormat a quick fix declares for an Avro
// payload: the newest Avro version every official schema parser knows.
const AvroSchemaFormat = "application/vnd.apache.avro;version=1.9.0"

// Limits of what the check brings in: documents nest references, and a
// workspace of big schema files must not make one run unbounded.
const (
	maxInlineDepth  = 16
	maxInlineValues = 200_000
)

// resolvedRefs validates what a "$ref" brings in from another document at
// the place that refers to it, as the official parser validates the
// document with every reference resolved: an Avro record behind a payload
// that names no schemaFormat is read as an AsyncAPI schema and fails there,
// whatever the file looks like on its own. The structure check judges this
// document's own text (a reference to another file only for being where it
// is, see schemas.Validate); this check judges the rest. A problem is
// reported at the "$ref", naming the file and the place inside it; the
// server also shows it in that file while it is open (Diagnostic.Origin).
func resolvedRefs(p *Pass) []Diagnostic {
	var out []Diagnostic
	for _, f := range ResolvedReferences(p, p.Refs()) {
		out = append(out, f.Found...)
	}
	return out
}

// SiteFindings are the findings placed at one "$ref".
type SiteFindings struct {
	Ref   *syntax.Node // the "$ref" value
	Found []Diagnostic
}

// ResolvedReferences is the check of what sites (every reference of p's
// document, in order) bring in from other documents, by reference:
// analysis/incremental places each finding with the section of its
// reference.
func ResolvedReferences(p *Pass, all []refs.Site) []SiteFindings {
	if p.Version == "" || p.Options.Resolver == nil {
		return nil
	}
	l := newRunLoader(p)
	in := &inliner{l: l, budget: maxInlineValues}
	var sites []*refSite
	brought := map[string]*inlined{} // by target: a file used at many places is read once
	for _, site := range all {
		if p.Cancelled() {
			return nil
		}
		if strings.HasPrefix(site.Value.Value, "#") {
			continue // inside this document: checked where it is defined
		}
		key, err := refs.Resolve(p.Doc.URI, site.Value.Value)
		if err != nil || key.URI == l.self || refs.IsRemote(key.URI) {
			continue
		}
		if o, ok := p.Options.Resolver.(interface{ Outside(string) bool }); ok && o.Outside(key.URI) {
			continue
		}
		target, err := refs.Lookup(l.load, key)
		if err != nil {
			continue // the reference check says why
		}
		top := brought[key.String()]
		if top == nil {
			top = &inlined{uri: target.URI, tokens: target.Tokens, node: target.Value, ref: site.Value}
			top.data = in.value(top, target.Value, nil, map[string]bool{key.String(): true}, 0)
			brought[key.String()] = top
		}
		sites = append(sites, &refSite{path: site.Path, ref: site.Value, inlined: top})
	}
	if len(sites) == 0 || in.budget < 0 {
		return nil
	}
	base, err := p.Data()
	if err != nil {
		return nil
	}
	problems, err := schemas.Validate(p.Version, skeleton(base, sites))
	if err != nil {
		return nil
	}
	found := map[*refSite][]placedProblem{}
	var order []*refSite
	for _, pr := range problems {
		site := siteOf(sites, pr.Path)
		if site == nil {
			continue // this document's own text: the structure check reports it
		}
		region := site.innermost(pr.Path[len(site.path):])
		if found[site] == nil {
			order = append(order, site)
		}
		found[site] = append(found[site], placedProblem{pr, region})
	}
	var out []SiteFindings
	for _, site := range order {
		f := SiteFindings{Ref: site.ref}
		if d, ok := avroWithoutFormat(p, l, site, found[site]); ok {
			f.Found = []Diagnostic{d}
		} else {
			for _, pp := range found[site] {
				f.Found = append(f.Found, l.contentDiagnostic(site, pp))
			}
		}
		out = append(out, f)
	}
	return out
}

// refSite is a "$ref" of this document to another one, and what it
// brings in.
type refSite struct {
	path []string     // of the reference object
	ref  *syntax.Node // the "$ref" value
	*inlined
}

// inlined is a value a "$ref" brought into the document: where it sits
// inside the value of the outermost reference, where it comes from, and
// what it brought in itself.
type inlined struct {
	path   []string     // from the outermost brought-in value
	uri    string       // the canonical URI of the document it comes from
	tokens []string     // its pointer in that document
	node   *syntax.Node // its value there
	ref    *syntax.Node // the "$ref" scalar that brought it in
	data   any
	nested []*inlined
}

// innermost is the value brought in deepest on the way to path.
func (in *inlined) innermost(path []string) *inlined {
	for _, n := range in.nested {
		if hasPrefix(path, n.path) {
			return n.innermost(path)
		}
	}
	return in
}

type placedProblem struct {
	schemas.Problem
	region *inlined
}

// siteOf is the site whose value holds path.
func siteOf(sites []*refSite, path []string) *refSite {
	for _, s := range sites {
		if hasPrefix(path, s.path) {
			return s
		}
	}
	return nil
}

func hasPrefix(path, prefix []string) bool {
	return len(path) >= len(prefix) && slices.Equal(path[:len(prefix)], prefix)
}

// inliner converts what references bring in into plain data, following
// the references inside it in turn (cycles and depth cut, values counted).
type inliner struct {
	l      *runLoader
	budget int
}

func (in *inliner) value(owner *inlined, n *syntax.Node, at []string, chain map[string]bool, depth int) any {
	n = n.Resolve()
	if n == nil || in.budget < 0 {
		return nil
	}
	in.budget--
	switch n.Kind {
	case syntax.Sequence:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = in.value(owner, it, appendPath(at, strconv.Itoa(i)), chain, depth)
		}
		return out
	case syntax.Mapping:
		if ref := refs.RefNode(n); ref != nil && depth < maxInlineDepth {
			if v, ok := in.follow(owner, ref, at, chain, depth); ok {
				return v
			}
		}
		for _, pair := range n.Pairs {
			if pair.Key.Tag() == "!!merge" {
				v, _ := n.Data() // merge keys: rare in schema files, taken as written
				return v
			}
		}
		out := make(map[string]any, len(n.Pairs))
		for _, pair := range n.Pairs {
			out[pair.Key.Value] = in.value(owner, pair.Value, appendPath(at, pair.Key.Value), chain, depth)
		}
		return out
	}
	v, _ := n.Data()
	return v
}

// follow replaces a reference inside brought-in content by its target;
// false leaves the reference as written (a cycle, or a target that cannot
// be read: the reference check of that document says why).
func (in *inliner) follow(owner *inlined, ref *syntax.Node, at []string, chain map[string]bool, depth int) (any, bool) {
	key, err := refs.Resolve(in.l.spelling(owner.uri), ref.Value)
	if err != nil || refs.IsRemote(key.URI) || chain[key.String()] {
		return nil, false
	}
	target, err := refs.Lookup(in.l.load, key)
	if err != nil {
		return nil, false
	}
	child := &inlined{path: at, uri: target.URI, tokens: target.Tokens, node: target.Value, ref: ref}
	chain[key.String()] = true
	child.data = in.value(child, target.Value, at, chain, depth+1)
	delete(chain, key.String())
	owner.nested = append(owner.nested, child)
	return child.data, true
}

func appendPath(p []string, tok string) []string {
	out := make([]string, len(p), len(p)+1)
	copy(out, p)
	return append(out, tok)
}

// skeleton is the document to validate: the values the sites brought in at
// their places, the objects that hold them as written (a schemaFormat
// beside a payload decides how the payload is read), and everything else
// a schemas.Hole, already judged by the structure check.
func skeleton(doc any, sites []*refSite) any {
	type trie struct {
		children map[string]*trie
		site     *refSite
		holder   bool // holds a site: its other members stay as written
	}
	root := &trie{}
	for _, s := range sites {
		t := root
		for _, tok := range s.path {
			if t.children == nil {
				t.children = map[string]*trie{}
			}
			if t.children[tok] == nil {
				t.children[tok] = &trie{}
			}
			t = t.children[tok]
		}
		t.site = s
	}
	var mark func(t *trie, parent *trie)
	mark = func(t *trie, parent *trie) {
		if t.site != nil && parent != nil {
			parent.holder = true
		}
		for _, c := range t.children {
			mark(c, t)
		}
	}
	mark(root, nil)
	var build func(v any, t *trie) any
	build = func(v any, t *trie) any {
		if t.site != nil {
			return t.site.data
		}
		member := func(tok string, val any) any {
			if c := t.children[tok]; c != nil {
				return build(val, c)
			}
			if t.holder {
				return val
			}
			return schemas.Hole
		}
		switch x := v.(type) {
		case map[string]any:
			out := make(map[string]any, len(x))
			for k, val := range x {
				out[k] = member(k, val)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, val := range x {
				out[i] = member(strconv.Itoa(i), val)
			}
			return out
		}
		return v
	}
	return build(doc, root)
}

// contentDiagnostic reports one problem of brought-in content at the
// "$ref" of this document that brought it in.
func (l *runLoader) contentDiagnostic(site *refSite, pp placedProblem) Diagnostic {
	region := pp.region
	rest := pp.Path[len(site.path)+len(region.path):]
	start, end := l.spanIn(region, rest, pp.OnKey)
	where := l.placeIn(region, rest, start)
	d := Diagnostic{Start: site.ref.Start, End: site.ref.End, Severity: SeverityError, Code: CodeRefContentInvalid,
		Message: strings.ToUpper(where[:1]) + where[1:] + ", which this \"$ref\" brings in: " + lowerFirst(pp.Message),
		DocURL:  pp.DocURL}
	if region.uri != l.self {
		origin := Related{URI: l.spelling(region.uri), Start: start, End: end,
			Message: pp.Message + " (as " + l.referrer() + " uses it, through a \"$ref\")"}
		d.Related = []Related{{URI: origin.URI, Start: start, End: end, Message: pp.Message}}
		d.Origin = &origin
	}
	return d
}

// spanIn places a problem at path rest inside a brought-in value, as the
// structure check places problems in a document.
func (l *runLoader) spanIn(region *inlined, rest []string, onKey bool) (int, int) {
	if len(rest) == 0 && !onKey {
		n := region.node
		if r := n.Resolve(); r != nil && r.Kind == syntax.Mapping && len(r.Pairs) > 0 {
			return r.Pairs[0].Key.Start, r.Pairs[0].Key.End // the first key, not a whole file
		}
		return n.Start, n.End
	}
	return problemSpan(region.node, rest, onKey)
}

// placeIn names a place inside brought-in content for a message: the file,
// the pointer and the line.
func (l *runLoader) placeIn(region *inlined, rest []string, offset int) string {
	tokens := append(append([]string(nil), region.tokens...), rest...)
	where := "in " + l.describe(region.uri)
	if len(tokens) > 0 {
		where += " at " + refs.FormatPointer(tokens)
	}
	if d := l.document(region.uri); d != nil {
		line, _ := d.Mapper.Column(offset)
		where += " (line " + strconv.Itoa(line) + ")"
	}
	return where
}

// referrer names this document for messages shown in another one.
func (l *runLoader) referrer() string {
	if p := refs.FilePath(l.self); p != "" {
		return path.Base(p)
	}
	return l.self
}

// avroWithoutFormat turns the problems of a payload that refers to an Avro
// schema, with no schemaFormat named, into one diagnostic that says so and
// which quick fix wraps the payload with the Avro schemaFormat.
func avroWithoutFormat(p *Pass, l *runLoader, site *refSite, found []placedProblem) (Diagnostic, bool) {
	if !payloadWithoutFormat(p, site.path) || !looksLikeAvro(site.inlined) {
		return Diagnostic{}, false
	}
	first := found[0]
	start, end := l.spanIn(first.region, first.Path[len(site.path)+len(first.region.path):], first.OnKey)
	file := l.describe(site.uri)
	fix := "name it in the message's schemaFormat"
	if p.IsV3() {
		fix = "wrap the payload in a Multi Format Schema Object with that schemaFormat"
	}
	d := Diagnostic{Start: site.ref.Start, End: site.ref.End, Severity: SeverityError, Code: CodePayloadSchemaFormat,
		Message: "This payload is the Avro schema " + file + ", but the message names no schemaFormat, so it is read as an AsyncAPI schema (JSON Schema), which it is not (" +
			lowerFirst(strings.TrimSuffix(first.Message, ".")) + "). Declare " + AvroSchemaFormat + ": " + fix + ".",
		DocURL: "https://www.asyncapi.com/docs/reference/specification/v3.0.0#multiFormatSchemaObject"}
	if site.uri != l.self {
		msg := "This Avro schema is the payload of a message in " + l.referrer() + " that names no schemaFormat, so the parser reads it as an AsyncAPI schema and rejects it; declare " + AvroSchemaFormat + " there."
		d.Origin = &Related{URI: l.spelling(site.uri), Start: start, End: end, Message: msg}
		d.Related = []Related{{URI: d.Origin.URI, Start: start, End: end, Message: first.Message}}
	}
	return d, true
}

// payloadWithoutFormat reports whether path is a message payload that is
// read as an AsyncAPI schema for want of a schemaFormat: in 2.x, a payload
// whose message has none; in 3.x, a payload that is not a Multi Format
// Schema Object.
func payloadWithoutFormat(p *Pass, path []string) bool {
	if len(path) < 2 || path[len(path)-1] != "payload" {
		return false
	}
	msg := p.Find(path[:len(path)-1]...).Resolve()
	if msg == nil || msg.Kind != syntax.Mapping {
		return false
	}
	return p.IsV3() || msg.Get("schemaFormat") == nil
}

// looksLikeAvro reports whether brought-in content is an Avro schema: a
// file named .avsc, or a named record, enum or fixed.
func looksLikeAvro(site *inlined) bool {
	if strings.HasSuffix(strings.ToLower(refs.FilePath(site.uri)), ".avsc") {
		return true
	}
	n := site.node.Resolve()
	if n == nil || n.Kind != syntax.Mapping || n.Get("name") == nil {
		return false
	}
	switch n.Get("type").Resolve().String() {
	case "record", "enum", "fixed", "error":
		return true
	}
	return false
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "\"") {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' && (len(b) < 2 || !(b[1] >= 'A' && b[1] <= 'Z')) {
		b[0] += 'a' - 'A'
	}
	return string(b)
}

// Follow follows n when it is a reference object ({"$ref": …}, chains and
// other files included, as model.Follow does) and returns the value it
// leads to with the document that holds it, nil for this one; n itself
// when it is not a reference; a nil value when the reference leads nowhere
// (the reference check says why). Rules use it for values the model does
// not model, such as a payload in another schema format.
func (p *Pass) Follow(n *syntax.Node) (*syntax.Node, *Document) {
	self := p.self()
	value, loc, _ := model.Follow(p.LoadRoot, model.Location{URI: self}, n)
	if value == nil || loc.URI == self {
		return value, nil
	}
	d, _ := p.Load(loc.URI)
	return value, d
}

// Elsewhere is a diagnostic at the "$ref" value ref of this document about
// [start, end) of doc, another document that the reference leads into.
func (p *Pass) Elsewhere(ref *syntax.Node, doc *Document, start, end int, severity Severity, message string) Diagnostic {
	self := refs.CanonicalURI(p.Doc.URI)
	other := refs.CanonicalURI(doc.URI)
	where := `"` + refs.RelativeName(self, other) + `"`
	line, _ := doc.Mapper.Column(start)
	d := Diagnostic{Start: ref.Start, End: ref.End, Severity: severity,
		Message: "In " + where + " (line " + strconv.Itoa(line) + "), which this \"$ref\" brings in: " + lowerFirst(message)}
	d.Related = []Related{{URI: doc.URI, Start: start, End: end, Message: message}}
	name := self
	if fp := refs.FilePath(self); fp != "" {
		name = path.Base(fp)
	}
	d.Origin = &Related{URI: doc.URI, Start: start, End: end, Message: message + " (as " + name + " uses it, through a \"$ref\")"}
	return d
}
