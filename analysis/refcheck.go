package analysis

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// Diagnostic codes of the reference checks.
const (
	CodeUnresolvedRef = "unresolved-ref"
	CodeInvalidRef    = "invalid-ref"
	CodeRefWrongKind  = "ref-wrong-kind"
	// CodeRefOutside marks a reference to a file outside the workspace folders.
	CodeRefOutside  = "ref-outside-workspace"
	CodeCircularRef = "circular-ref"
)

// ErrRemoteDisabled is what a Resolver answers for an http(s) document while
// remote references are turned off; such references get no diagnostic.
var ErrRemoteDisabled = errors.New("remote references are not fetched (turned off in the settings)")

// errNoResolver stands for "other files cannot be read in this run".
var errNoResolver = errors.New("no resolver")

// references checks every "$ref" of the document: it must parse, lead to an
// existing place (in this file or another), name an object of the kind its
// position expects, and not be part of a cycle of references that never
// reaches a value.
func references(p *Pass) []Diagnostic {
	sites := p.Refs()
	if len(sites) == 0 {
		return nil
	}
	l := newRunLoader(p)
	ruled := invalidRefRuled(p.Options)
	var out []Diagnostic
	for _, site := range sites {
		if p.Cancelled() {
			return out
		}
		if d, ok := checkRef(p, l, site); ok && (!ruled || d.Code == CodeRefWrongKind || d.Code == CodeCircularRef) {
			out = append(out, d)
		}
	}
	return out
}

// invalidRefRuled: the rule "invalid-ref" (analysis/rules) also reports
// references that lead nowhere; while it runs, the reference check leaves
// those to it and keeps what only the engine knows: wrong kinds and cycles.
func invalidRefRuled(opts Options) bool {
	for _, r := range opts.Rules {
		if r.Code == CodeInvalidRef {
			return true
		}
	}
	return false
}

// CheckReference is the reference check of one "$ref" of p's document: its
// finding, if any (analysis/incremental keeps the verdicts of unchanged
// sections). Whether Analyze reports it depends on the rules that run:
// see ReferenceReported.
func CheckReference(p *Pass, site refs.Site) (Diagnostic, bool) {
	return checkRef(p, newRunLoader(p), site)
}

// ReferenceReported reports whether Analyze with opts reports d, a finding
// of CheckReference.
func ReferenceReported(opts Options, d Diagnostic) bool {
	return !invalidRefRuled(opts) || d.Code == CodeRefWrongKind || d.Code == CodeCircularRef
}

func checkRef(p *Pass, l *runLoader, site refs.Site) (Diagnostic, bool) {
	v := site.Value
	diag := Diagnostic{Start: v.Start, End: v.End, Severity: SeverityError, Code: CodeUnresolvedRef}
	key, err := refs.Resolve(p.Doc.URI, v.Value)
	switch {
	case errors.Is(err, refs.ErrNoBase), errors.Is(err, refs.ErrUnsupported):
		return diag, false // nothing we could follow, nothing we can say
	case err != nil:
		diag.Code = CodeInvalidRef
		diag.Message = `Invalid "$ref" "` + v.Value + `": ` + err.Error() + "."
		return diag, true
	}
	if o, ok := p.Options.Resolver.(interface{ Outside(string) bool }); ok && key.URI != l.self && o.Outside(key.URI) {
		diag.Code, diag.Severity = CodeRefOutside, SeverityWarning
		diag.Message = `This "$ref" leads to ` + l.describe(key.URI) + ", outside the workspace folders; it is not read."
		return diag, true
	}
	target, err := refs.Lookup(l.load, key)
	var missing *refs.MissingError
	var loadErr *refs.LoadError
	switch {
	case errors.As(err, &missing):
		diag.Message, diag.Suggestion = missingMessage(l, key, v.Value, missing)
		return diag, true
	case errors.Is(err, errNoResolver), errors.Is(err, ErrRemoteDisabled):
		return diag, false
	case errors.As(err, &loadErr):
		diag.Message = `The "$ref" target ` + l.describe(loadErr.URI) + " cannot be read: " + readable(loadErr.Err) + "."
		return diag, true
	case err != nil:
		diag.Message = `The "$ref" "` + v.Value + `" cannot be followed: ` + err.Error() + "."
		return diag, true
	}
	// The parser validates what a reference brings in, not where it comes
	// from: a target of another kind is rejected only when its content does
	// not fit the place.
	diag.BeyondParser = true
	if want, got := refs.Classify(site.Path), refs.Classify(target.Tokens); want != refs.Unknown && got != refs.Unknown && want != got {
		diag.Code = CodeRefWrongKind
		diag.Message = `This "$ref" points at ` + got.Article() + ", but " + want.Article() + " is expected here."
		return diag, true
	}
	if want := refs.Classify(site.Path); want != refs.Unknown && !objectLike(target.Value, want) {
		diag.Code = CodeRefWrongKind
		diag.Message = `This "$ref" points at ` + shapeOf(target.Value) + ", but " + want.Article() + " is expected here."
		return diag, true
	}
	if chain := refs.Cycle(l.load, l.self, site.Holder, v); chain != nil {
		// An error: the official parser never finishes such a document.
		return cycleDiagnostic(l, site, chain), true
	}
	return diag, false
}

func missingMessage(l *runLoader, key refs.Key, raw string, m *refs.MissingError) (msg, suggestion string) {
	where := "this document"
	if m.URI != l.self {
		where = l.describe(m.URI)
	}
	msg = `The "$ref" target "` + refs.FormatPointer(m.Tokens[:m.Depth+1]) + `" does not exist in ` + where
	name := refs.Closest(m.Tokens[m.Depth], m.Candidates())
	if name == "" {
		return msg + ".", ""
	}
	msg += `; did you mean "` + name + `"?`
	if m.URI == key.URI && len(m.Tokens) == len(key.Tokens) {
		tokens := append([]string(nil), key.Tokens...)
		tokens[m.Depth] = name
		r, _ := refs.Parse(raw)
		var b strings.Builder
		b.WriteString(r.File + "#")
		for _, t := range tokens {
			b.WriteString("/" + refs.FragmentToken(t))
		}
		suggestion = b.String()
	}
	return msg, suggestion
}

func cycleDiagnostic(l *runLoader, site refs.Site, chain []refs.Link) Diagnostic {
	steps := []string{refs.FormatPointer(site.Path)}
	var related []Related
	for i, link := range chain {
		key, _ := refs.Resolve(link.URI, link.Value.Value)
		steps = append(steps, l.place(key))
		if i > 0 {
			related = append(related, Related{URI: l.spelling(link.URI), Start: link.Value.Start, End: link.Value.End,
				Message: "the cycle continues here"})
		}
	}
	return Diagnostic{Start: site.Value.Start, End: site.Value.End, Severity: SeverityError, Code: CodeCircularRef,
		Message: "Circular reference that never reaches a definition: " + strings.Join(steps, " → ") + ".",
		Related: related}
}

func readable(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// errNotParsed: a file that a reference reaches holds no YAML or JSON value.
var errNotParsed = errors.New("it does not parse as YAML or JSON")

// runLoader reads the documents the reference checks need through the pass
// (its own tree, the request's snapshot for the others) and names them in
// messages.
type runLoader struct {
	p    *Pass
	self string
}

func newRunLoader(p *Pass) *runLoader {
	return &runLoader{p: p, self: refs.CanonicalURI(p.Doc.URI)}
}

func (l *runLoader) load(uri string) (*syntax.Node, error) {
	root, err := l.p.LoadRoot(uri)
	if err == nil && root == nil {
		err = errNotParsed
	}
	return root, err
}

// document is another document as the run reads it; nil for this one and
// for one that cannot be read.
func (l *runLoader) document(uri string) *Document {
	if uri == l.self {
		return nil
	}
	d, err := l.p.Load(uri)
	if err != nil {
		return nil
	}
	return d
}

// spelling is the URI as its document spells it ("" for this document).
func (l *runLoader) spelling(uri string) string {
	if uri == l.self {
		return ""
	}
	if d := l.document(uri); d != nil {
		return d.URI
	}
	return uri
}

// describe names another document for a message: its path relative to this one.
func (l *runLoader) describe(uri string) string {
	return `"` + refs.RelativeName(l.self, uri) + `"`
}

// place is a key as a message shows it: the pointer, prefixed with the file
// name when the key is in another document.
func (l *runLoader) place(k refs.Key) string {
	switch p := refs.FilePath(k.URI); {
	case k.URI == l.self:
		return refs.FormatPointer(k.Tokens)
	case p != "":
		return path.Base(p) + "#" + refs.FormatPointer(k.Tokens)
	}
	return k.String()
}

// objectLike reports whether v can stand for an object of kind want: every
// AsyncAPI object is a mapping, and a schema may also be true or false.
func objectLike(v *syntax.Node, want refs.Kind) bool {
	r := v.Resolve()
	if r == nil {
		return true // an alias we cannot follow: say nothing
	}
	if r.Kind == syntax.Mapping {
		return true
	}
	return want == refs.Schema && r.Kind == syntax.Scalar && r.Tag() == "!!bool"
}

// shapeOf names what a value is, for messages.
func shapeOf(v *syntax.Node) string {
	r := v.Resolve()
	switch {
	case r == nil:
		return "nothing"
	case r.Kind == syntax.Sequence:
		return "a list"
	case r.Tag() == "!!null":
		return "an empty value"
	case r.Tag() == "!!bool":
		return "a boolean"
	case r.Tag() == "!!int" || r.Tag() == "!!float":
		return "a number"
	}
	return "a string"
}
