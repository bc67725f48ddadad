package convert

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
)

// Options say what to convert to and how.
type Options struct {
	// To is the version to convert to: "3.0.0" (the default) or "3.1.0".
	To string
	// Perspective decides the action of a 2.x operation: "application"
	// (the default: publish is what the application receives) or "client"
	// (publish is what it sends).
	Perspective string
	// Resolver reads the files that references reach, to tell which of
	// them must change too; nil reads none.
	Resolver analysis.Resolver
}

// Note tells the user about something the conversion could not carry over
// as it was, at the span [Start, End) of the original text.
type Note struct {
	Start, End int
	Path       []string // where in the original document
	Message    string
}

// Result is a converted document.
type Result struct {
	From, To string
	Text     []byte        // the converted text
	Edits    []source.Edit // the edits that turn the original into Text, in order
	Notes    []Note
}

// Changed reports whether the conversion changed the text.
func (r *Result) Changed() bool { return len(r.Edits) > 0 }

// Errors of Convert, for callers that explain them their way.
var (
	ErrNotAsyncAPI   = errors.New("not an AsyncAPI document: it has no asyncapi key at its root")
	ErrSyntax        = errors.New("the document does not parse")
	ErrLoneCR        = errors.New("the document breaks lines with a lone carriage return (CR); save it with LF or CRLF line breaks first")
	ErrInternal      = errors.New("the conversion of this document went wrong (please report it with the document)")
	ErrSelfAlias     = errors.New("an alias inside the value of its own anchor (a value that contains itself) names an anchor the converted document no longer has before it; write that value out and convert again")
	ErrAliasesTooBig = errors.New("the converted document would have to write its aliases out in full, and they stand for too many values; convert a copy without them")
	ErrEmptyKey      = errors.New("a key has no text (it is empty, or an anchor alone); give it a name and convert again")
	ErrTag           = errors.New("a value is written with a YAML tag (!name), which the converter cannot carry over; remove the tag and convert again")
	ErrIndentation   = errors.New("a key is indented unlike the keys before it in the same mapping (YAML wants them in one column); re-indent it and convert again")
)

// Targets are the versions a document can be converted to.
var Targets = []string{"3.0.0", "3.1.0"}

// Convert converts doc to opts.To. A document already at that version
// comes back unchanged.
func Convert(doc *analysis.Document, opts Options) (*Result, error) {
	if opts.To == "" {
		opts.To = "3.0.0"
	}
	if opts.Perspective == "" {
		opts.Perspective = "application"
	}
	if opts.To != "3.0.0" && opts.To != "3.1.0" {
		return nil, fmt.Errorf("cannot convert to %q: the versions are %s", opts.To, strings.Join(Targets, " and "))
	}
	if opts.Perspective != "application" && opts.Perspective != "client" {
		return nil, fmt.Errorf("unknown perspective %q: application or client", opts.Perspective)
	}
	f := doc.File()
	if len(f.Errors) > 0 {
		e := f.Errors[0]
		line, col := doc.Mapper.Column(e.Start)
		return nil, fmt.Errorf("%w: %d:%d: %s", ErrSyntax, line, col, e.Message)
	}
	if f.Root == nil || f.Root.Kind != syntax.Mapping || f.Root.Entry("asyncapi") == nil {
		return nil, ErrNotAsyncAPI
	}
	if loneCR(doc.Text) {
		return nil, ErrLoneCR
	}
	if off, ok := misalignedKey(layout{doc.Text}, f); ok {
		line, col := doc.Mapper.Column(off)
		return nil, fmt.Errorf("%d:%d: %w", line, col, ErrIndentation)
	}
	if at, err := unwritable(layout{doc.Text}, f.Root, 0, 0); err != nil {
		line, col := doc.Mapper.Column(at)
		return nil, fmt.Errorf("%d:%d: %w", line, col, err)
	}
	from := f.Root.Get("asyncapi").String()
	res := &Result{From: from, To: opts.To}
	r := &run{doc: doc, src: doc.Text, root: wrap(f.Root), opts: opts}
	switch {
	case isV2(from):
		(&v2tov3{run: r}).convert()
		r.externalNotes()
		if opts.To == "3.1.0" {
			r.root.get("asyncapi").setScalar("3.1.0")
		}
	case from == opts.To:
		res.Text = doc.Text
		return res, nil
	case from == "3.0.0" && opts.To == "3.1.0":
		r.root.get("asyncapi").setScalar("3.1.0")
	case from == "3.1.0":
		return nil, fmt.Errorf("cannot convert from 3.1.0 down to %s", opts.To)
	default:
		return nil, fmt.Errorf("cannot convert from version %q: the converter reads 2.0.0 to 2.6.0 and 3.0.0", from)
	}
	printed, err := r.print(f)
	if err != nil {
		return nil, err
	}
	res.Text, res.Edits, res.Notes = printed.Text, printed.Edits, r.notes
	slices.SortStableFunc(res.Notes, func(a, b Note) int { return a.Start - b.Start })
	return res, nil
}

// guardedSize is the largest result that is parsed again before it is
// handed out.
const guardedSize = 1 << 20

// print writes the rewritten tree and the edits that give it.
func (r *run) print(f *syntax.File) (*Result, error) {
	p := &printer{layout: layout{r.src}, st: detectStyle(r.src, f)}
	p.root(r.root)
	// A result that does not parse is never handed out. (Above a size where
	// a second parse would double the time, the fuzz and corpus tests
	// stand guard alone.)
	if len(p.out) <= guardedSize {
		out := syntax.Parse(p.out, f.Format)
		if len(out.Errors) > 0 {
			expanded, err := r.expandAliases()
			if err != nil {
				return nil, err
			}
			if !expanded {
				return nil, fmt.Errorf("%w: %s", ErrInternal, out.Errors[0].Message)
			}
			// An alias copied as it was may name an anchor whose value the
			// conversion rewrote or moved after it: written out in full,
			// no alias is left to name it.
			p = &printer{layout: layout{r.src}, st: detectStyle(r.src, f)}
			p.root(r.root)
			out = syntax.Parse(p.out, f.Format)
		}
		if len(out.Errors) > 0 {
			return nil, fmt.Errorf("%w: %s", ErrInternal, out.Errors[0].Message)
		}
	}
	return &Result{Text: p.out, Edits: edits(r.src, p.out, p.anchors)}, nil
}

// expandAliases marks every alias of the tree to be written out in full,
// and reports whether there was one. An alias inside the value it names
// cannot be, and aliases are written out up to syntax.MaxValues values.
func (r *run) expandAliases() (found bool, err error) {
	inside := map[*syntax.Node]bool{} // the aliased values being walked
	budget := syntax.MaxValues
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil || err != nil {
			return
		}
		if budget--; budget < 0 {
			err = ErrAliasesTooBig
			return
		}
		n.dirtyMemo = 0 // the marks change what is dirty
		if n.alias != nil {
			if inside[n.orig] {
				line, col := r.doc.Mapper.Column(n.alias.Start)
				err = fmt.Errorf("%d:%d: %w", line, col, ErrSelfAlias)
				return
			}
			n.expanded, found = true, true
			inside[n.orig] = true
			defer delete(inside, n.orig)
		}
		for _, e := range n.entryList() {
			walk(e.value)
		}
		for _, it := range n.itemList() {
			walk(it)
		}
	}
	walk(r.root)
	return found, err
}

// unwritable finds what the printer cannot write, where it is: a key with
// no text of its own (ErrEmptyKey: keys are written by copying them), or a
// key or value with a tag after floor, where what comes before it ends
// (ErrTag: values are placed by their spans, which leave tags out).
func unwritable(l layout, n *syntax.Node, floor, depth int) (int, error) {
	if n == nil || depth > maxKeyDepth {
		return 0, nil
	}
	if _, at := l.properties(n.Start, floor); at >= 0 {
		return at, ErrTag
	}
	if n.Kind == syntax.Alias {
		return 0, nil
	}
	for _, p := range n.Pairs {
		if p.Key.End <= p.Key.Start || p.Key.Start < floor {
			return p.Key.Start, ErrEmptyKey // (or no text apart from the key before it)
		}
		if _, at := l.properties(p.Key.Start, floor); at >= 0 {
			return at, ErrTag
		}
		if at, err := unwritable(l, p.Value, p.Key.End, depth+1); err != nil {
			return at, err
		}
		floor = max(floor, p.Key.End, p.Value.End)
	}
	for _, it := range n.Items {
		if at, err := unwritable(l, it, floor, depth+1); err != nil {
			return at, err
		}
		floor = max(floor, it.End)
	}
	return 0, nil
}

// maxKeyDepth bounds unwritable's walk (the parser bounds nesting too).
const maxKeyDepth = 1000

// misalignedKey finds a key of a block mapping that starts in another
// column than the mapping's first key. The YAML library reads such a
// mapping (the specification does not allow it), but the printer, which
// moves text by its columns, cannot rewrite it faithfully.
func misalignedKey(l layout, f *syntax.File) (int, bool) {
	if f.Format != syntax.YAML || f.Root == nil {
		return 0, false
	}
	off, found := 0, false
	syntax.Walk(f.Root, func(n *syntax.Node) {
		if found || n.Kind != syntax.Mapping || n.Flow {
			return
		}
		for _, p := range n.Pairs[min(1, len(n.Pairs)):] {
			if l.col(p.Key.Start) != l.col(n.Pairs[0].Key.Start) {
				off, found = p.Key.Start, true
				return
			}
		}
	})
	return off, found
}

// loneCR reports a carriage return that no line feed follows, which YAML
// reads as a line break and the layout of this package does not.
func loneCR(text []byte) bool {
	for i, c := range text {
		if c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			return true
		}
	}
	return false
}

// isV2 reports a 2.x version the converter reads.
func isV2(v string) bool {
	switch v {
	case "2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0":
		return true
	}
	return false
}

// run is one conversion: the document, its tree being rewritten, the notes.
type run struct {
	doc   *analysis.Document
	src   []byte
	root  *node
	opts  Options
	notes []Note
}

// note records a note about the original value n at path.
func (r *run) note(n *node, path []string, msg string) {
	nt := Note{Path: append([]string(nil), path...), Message: msg}
	if n != nil && n.orig != nil {
		nt.Start, nt.End = n.orig.Start, n.orig.End
		if n.alias != nil {
			nt.Start, nt.End = n.alias.Start, n.alias.End
		}
	}
	r.notes = append(r.notes, nt)
}

// noteEntry records a note about an original entry, at its key.
func (r *run) noteEntry(e *entry, path []string, msg string) {
	if e.pair == nil {
		r.note(e.value, path, msg)
		return
	}
	r.notes = append(r.notes, Note{Start: e.pair.Key.Start, End: e.pair.Key.End, Path: append([]string(nil), path...), Message: msg})
}

// Pointer writes a note's path as a JSON pointer.
func (n Note) Pointer() string { return refs.FormatPointer(n.Path) }
