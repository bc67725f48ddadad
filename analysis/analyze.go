package analysis

import (
	"context"
	"strings"
	"sync"
	"unicode/utf8"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// Options carry what an analysis may use beyond the document itself. The
// server and the check command build them the same way, so the editor and CI
// see the same diagnostics.
type Options struct {
	// Resolver loads other documents for file references: the request's
	// workspace.Snapshot, one view of the other files for the whole run;
	// nil means only references inside the document are followed.
	Resolver Resolver
	// Rules are the semantic rules to run (analysis/rules.All(), filtered by
	// version when run); nil runs none.
	Rules []Rule
	// Config holds the user's levels per code; nil keeps the defaults.
	Config *Config
	// Checks, when set, replaces every check but the rules (syntax,
	// version, duplicate keys, structure, references): analysis/incremental
	// computes those from its caches of the document's sections, and
	// Analyze then runs only the rules beside it.
	Checks func(p *Pass) []Diagnostic
	// Yield, when set, is called between rules and where the long ones
	// check for cancellation: the server blocks there while it answers a
	// request, so that a rule run does not hold up completion or hover.
	Yield func()
	// RuleWorkers is how many rules run at once; 0 is one per processor.
	// The server runs the rules of a big document on fewer, so that a
	// processor stays free for requests.
	RuleWorkers int
}

// Resolver loads the document at an absolute URI: an open editor buffer when
// there is one, otherwise the file on disk (regular files only, size-capped).
type Resolver interface {
	Load(uri string) (*Document, error)
}

// Pass is one analysis run over one document version: what every check reads.
type Pass struct {
	Doc     *Document
	Root    *syntax.Node
	Version string // the supported "asyncapi" version, "" when unsupported
	Options Options

	ctx      context.Context
	memo     memo
	selfOnce sync.Once
	selfURI  string
}

// check is one family of diagnostics, run on every parsed AsyncAPI document.
type check func(p *Pass) []Diagnostic

// checks run in this order after syntax and version checks; each lives in its
// own file.
var checks = []check{
	duplicateKeys,
	extraDocuments,
	structure,
	references,
	resolvedRefs,
}

// Analyze returns every diagnostic of d. A document that is not AsyncAPI
// gets none: the server is also handed unrelated YAML and JSON files.
func Analyze(d *Document, opts Options) []Diagnostic {
	return AnalyzeContext(context.Background(), d, opts)
}

// AnalyzeContext is Analyze for a run that may be cancelled (the server
// cancels the run of a version that a newer edit replaced): the checks and
// the rules stop early once ctx is done, between rules and inside the long
// ones, and the result is then incomplete; the caller must discard it.
func AnalyzeContext(ctx context.Context, d *Document, opts Options) []Diagnostic {
	if !d.IsAsyncAPI() {
		return nil
	}
	root := d.Root()
	if root == nil {
		out := append(syntaxDiagnostics(d), recoveredStructure(d, opts)...)
		return Finish(d, opts, out)
	}
	if d.IsQuoted() {
		out := append(syntaxDiagnostics(d), Diagnostic{Start: root.Start, End: min(root.Start+1, len(d.Text)), Severity: SeverityError, Code: CodeQuotedDocument,
			Message: "This file holds one quoted string, not an AsyncAPI document: its JSON text was quoted and escaped once more. Save the JSON itself, without the outer quotes and the \\\" escapes."})
		return Finish(d, opts, out)
	}
	var out []Diagnostic
	if opts.Checks == nil {
		out = syntaxDiagnostics(d)
	}
	p := &Pass{Doc: d, Root: root, Options: opts, ctx: ctx}
	version, ok, diag := CheckVersion(root)
	if diag != nil && opts.Checks == nil {
		out = append(out, *diag)
	}
	if ok {
		p.Version = version
	}
	// The rules run beside the checks: both only read the pass.
	var ruled []Diagnostic
	var panicked any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { panicked = recover() }()
		ruled = runRules(p)
	}()
	if opts.Checks != nil {
		out = append(out, opts.Checks(p)...)
	} else {
		for _, c := range checks {
			out = append(out, c(p)...)
		}
	}
	<-done
	if panicked != nil {
		panic(panicked) // where the caller's recover sees it
	}
	return Finish(d, opts, append(out, ruled...))
}

// Finish is the last step of an analysis: the configured levels, then the
// suppression comments of d's text. Analyze ends with it; analysis/incremental
// too, when it computes a version's findings without Analyze.
func Finish(d *Document, opts Options, found []Diagnostic) []Diagnostic {
	return findSuppressions(d.Text).filter(d.Text, opts.Config.apply(found), opts.canonicalCode)
}

// FinishUnsuppressed is Finish for a text known to hold no suppression
// comment: HasSuppressComment is false on each of its pieces cut at line
// starts (a comment lies on one line), so the text is not searched again.
func FinishUnsuppressed(opts Options, found []Diagnostic) []Diagnostic {
	return opts.Config.apply(found)
}

func syntaxDiagnostics(d *Document) []Diagnostic {
	out := InvalidUTF8(d.Text)
	code := CodeYAMLSyntax
	if d.File().Format == syntax.JSON {
		code = CodeJSONSyntax
	}
	if d.File().TooLarge {
		code = CodeTooLarge
	}
	for _, e := range d.File().Errors {
		out = append(out, Diagnostic{Start: e.Start, End: e.End, Severity: SeverityError, Code: code, Message: e.Message})
	}
	return out
}

// InvalidUTF8 is the finding on the first byte of text that is not UTF-8,
// if any.
func InvalidUTF8(text []byte) []Diagnostic {
	i := firstInvalidUTF8(text)
	if i < 0 {
		return nil
	}
	return []Diagnostic{{Start: i, End: i + 1, Severity: SeverityError, Code: CodeInvalidUTF8,
		Message: "The file is not valid UTF-8 here; AsyncAPI documents must be UTF-8 text."}}
}

func firstInvalidUTF8(text []byte) int {
	if utf8.Valid(text) {
		return -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func duplicateKeys(p *Pass) []Diagnostic {
	var out []Diagnostic
	for _, k := range p.Doc.File().Duplicates {
		out = append(out, DuplicateKey(k))
	}
	return out
}

// DuplicateKey is the finding on key k, which repeats a key of its mapping.
func DuplicateKey(k *syntax.Node) Diagnostic {
	return Diagnostic{Start: k.Start, End: k.End, Severity: SeverityError, Code: CodeDuplicateKey,
		Message: `Duplicate key "` + k.Value + `": an earlier entry of the same mapping has it, and this one overrides it.`}
}

func extraDocuments(p *Pass) []Diagnostic {
	d := p.Doc
	if len(d.File().ExtraDocuments) == 0 {
		return nil
	}
	start := d.File().ExtraDocuments[0]
	// Point at the "---" separator that opens the second document.
	if i := strings.LastIndex(string(d.Text[:start]), "---"); i >= 0 {
		start = i
	}
	// An error, as for the official parser, which refuses such a file.
	return []Diagnostic{{Start: start, End: min(start+3, len(d.Text)), Severity: SeverityError, Code: CodeMultipleDocuments,
		Message: "This file holds more than one YAML document; AsyncAPI tools read one document per file (only the first is analysed here)."}}
}

// CheckVersion validates the "asyncapi" value of root, a document's tree,
// against the versions we have schemas for.
func CheckVersion(root *syntax.Node) (string, bool, *Diagnostic) {
	node := root.Get("asyncapi")
	version := node.String()
	if schemas.IsSupported(version) {
		return version, true, nil
	}
	start, end := node.Start, node.End
	if node.IsNull() {
		p := root.Entry("asyncapi")
		start, end = p.Key.Start, p.Key.End
	}
	supported := strings.Join(schemas.Supported(), ", ")
	msg := `Unsupported AsyncAPI version "` + version + `"; supported versions: ` + supported + "."
	switch {
	case node.IsNull() || version == "":
		msg = "The asyncapi key needs a version; supported versions: " + supported + "."
	case strings.HasPrefix(version, "1."):
		msg = "AsyncAPI " + version + " is not supported (1.x predates the current specification); supported versions: " + supported + "."
	case node.Resolve().Kind == syntax.Scalar && !node.Resolve().Quoted && node.Resolve().Tag() != "!!str":
		msg = `The version must be a string such as "` + schemas.Latest() + `"; supported versions: ` + supported + "."
	}
	return version, false, &Diagnostic{Start: start, End: end, Severity: SeverityError, Code: CodeUnsupportedVersion, Message: msg,
		DocURL: "https://www.asyncapi.com/docs/reference/specification/v" + schemas.Latest() + "#A2SVersionString"}
}
