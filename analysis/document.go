package analysis

import (
	"bytes"
	"regexp"
	"sync"
	"sync/atomic"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
)

// Document is one immutable version of a text, parsed. Edits produce a new
// Document; readers holding an older one keep a consistent view.
type Document struct {
	URI     string
	Version int32
	Text    []byte
	Mapper  *source.Mapper

	format syntax.Format
	once   sync.Once
	file   atomic.Pointer[syntax.File]
	// lazy builds the parse result instead of parsing (see ProvideLazy).
	lazy atomic.Pointer[func() *syntax.File]

	modelMu sync.Mutex
	model   *model.Model

	// id tells versions apart in this process: unlike version numbers, ids
	// are not used again after a close and a reopen.
	id uint64
	// since says, for the versions just before this one (by id, newest
	// first), what the edits from each left alone, so that whoever holds
	// one of them finds the changed bytes without comparing texts.
	since []sinceVersion
}

type sinceVersion struct {
	id        uint64
	unchanged source.Unchanged
}

// maxSince is how many earlier versions a document knows its changes from.
const maxSince = 16

var lastDocumentID atomic.Uint64

// NewDocument wraps one version of a text. The URI (or path) decides JSON or
// YAML by extension first, then by content. Parsing happens on first use, so
// that recording an edit never waits for a parse.
func NewDocument(uri string, version int32, text []byte) *Document {
	return &Document{
		URI:     uri,
		Version: version,
		Text:    text,
		Mapper:  source.NewMapper(text),
		format:  syntax.DetectFormat(uri, text),
		id:      lastDocumentID.Add(1),
	}
}

// NewEditedDocument is NewDocument for a text made from prev's by edits
// that left unchanged alone.
func NewEditedDocument(prev *Document, version int32, text []byte, unchanged source.Unchanged) *Document {
	d := NewDocument(prev.URI, version, text)
	d.since = make([]sinceVersion, 0, min(len(prev.since)+1, maxSince))
	d.since = append(d.since, sinceVersion{prev.id, unchanged})
	for _, s := range prev.since[:min(len(prev.since), maxSince-1)] {
		d.since = append(d.since, sinceVersion{s.id, s.unchanged.Then(unchanged)})
	}
	return d
}

// ID tells this version apart from every other Document of this process.
func (d *Document) ID() uint64 { return d.id }

// Unchanged is what old, the text of the version with id, and this text
// have in common at their start and end: what the edits since left alone
// when that version is a recent one, else found by comparing the texts.
func (d *Document) Unchanged(id uint64, old []byte) source.Unchanged {
	for _, s := range d.since {
		if s.id == id {
			return s.unchanged.Fit(len(old), len(d.Text))
		}
	}
	return source.Compare(old, d.Text)
}

// File returns the parse result, parsing once (or building it once, see
// ProvideLazy).
func (d *Document) File() *syntax.File {
	d.once.Do(func() {
		if build := d.lazy.Load(); build != nil {
			if f := (*build)(); f != nil {
				d.file.Store(f)
				return
			}
		}
		d.file.Store(syntax.Parse(d.Text, d.format))
	})
	return d.file.Load()
}

// ProvideLazy hands d a function that builds, on first use, the parse
// result File would give: analysis/incremental analyses an edit on the
// sections it keeps, as they are, and builds the tree with the offsets of
// this version only when a request or a rule asks for it. A nil result
// makes File parse after all. It reports false, and changes nothing, when
// d was parsed already.
func (d *Document) ProvideLazy(build func() *syntax.File) bool {
	if d.Parsed() {
		return false
	}
	d.lazy.Store(&build)
	return true
}

// Provide hands d a parse result made elsewhere (analysis/incremental
// assembles one from cached sections, equal to what File would parse). It
// reports false, and changes nothing, when d was parsed already.
func (d *Document) Provide(f *syntax.File) bool {
	provided := false
	d.once.Do(func() { d.file.Store(f); provided = true })
	return provided
}

// Parsed reports whether the text was parsed already, so that a request can
// use an older tree rather than wait for a parse.
func (d *Document) Parsed() bool { return d.file.Load() != nil }

// Root is the parsed root value, or nil when the text did not parse.
func (d *Document) Root() *syntax.Node { return d.File().Root }

// asyncapiKeyLine finds a root "asyncapi" key in text that does not parse.
var asyncapiKeyLine = regexp.MustCompile(`(?m)^(?:asyncapi|"asyncapi"|'asyncapi')\s*:|^\s*\{?\s*"asyncapi"\s*:`)

// LooksAsyncAPI reports, without parsing, whether the text shows a root
// "asyncapi" key at the start of a line near its top: the workspace index
// takes a big file by it and leaves the parse to the first reader.
func (d *Document) LooksAsyncAPI() bool {
	return asyncapiKeyLine.Match(bytes.TrimPrefix(d.Text[:min(len(d.Text), 64<<10)], []byte("\ufeff")))
}

// IsAsyncAPI reports whether the document is an AsyncAPI document: its root
// mapping has an "asyncapi" key. A text that does not parse counts when such
// a key is visible at the start of a line.
func (d *Document) IsAsyncAPI() bool {
	if root := d.Root(); root != nil {
		return root.Kind == syntax.Mapping && root.Entry("asyncapi") != nil || d.IsQuoted()
	}
	if len(d.File().Errors) == 0 {
		return false
	}
	text := d.Text
	if d.File().TooLarge {
		text = text[:min(len(text), 64<<10)] // the key is near the top; do not scan megabytes
	}
	return asyncapiKeyLine.Match(bytes.TrimPrefix(text, []byte("\ufeff")))
}

// quotedKey finds an "asyncapi" key in the text of a JSON document.
var quotedKey = regexp.MustCompile(`"asyncapi"\s*:`)

// IsQuoted reports a document whose whole content is one string holding
// the JSON text of an AsyncAPI document: a file saved with its JSON quoted
// and escaped once more.
func (d *Document) IsQuoted() bool {
	root := d.Root()
	if root == nil || root.Kind != syntax.Scalar || root.Tag() != "!!str" {
		return false
	}
	text := bytes.TrimSpace([]byte(root.Value))
	return bytes.HasPrefix(text, []byte("{")) && quotedKey.Match(text)
}

// SpecVersion returns the value of the root "asyncapi" key and its node.
func (d *Document) SpecVersion() (string, *syntax.Node) {
	n := d.Root().Get("asyncapi")
	return n.String(), n
}

// Format is the notation of the document: YAML or JSON.
func (d *Document) Format() syntax.Format { return d.format }

// Model returns the API model of this version (see analysis/model). load
// gives the other documents as the caller's snapshot sees them. The model is
// built once and kept while every other document it read loads unchanged,
// so callers with the same view share one model and never build it twice.
func (d *Document) Model(load refs.Loader) *model.Model {
	d.modelMu.Lock()
	defer d.modelMu.Unlock()
	if d.model != nil && d.model.UpToDate(load) {
		return d.model
	}
	d.model = model.Build(d.URI, d.Root(), load)
	return d.model
}
