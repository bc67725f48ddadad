package workspace

import (
	"sync"
	"time"
	"unique"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
)

// File is one version of a document the workspace knows. It is immutable;
// a change makes a new File.
type File struct {
	URI  string // canonical
	Doc  *analysis.Document
	Open bool // an editor buffer, not the disk

	modTime time.Time
	size    int64

	once sync.Once
	refs []Ref
	deps map[string]bool
}

// Ref is one "$ref" of a file with its normalised key (Err when the value
// cannot be turned into one).
type Ref struct {
	refs.Site
	Key refs.Key
	Err error
}

func newFile(uri string, doc *analysis.Document) *File {
	return &File{URI: uri, Doc: doc}
}

// NewFile wraps a document version that the workspace does not hold (a
// request's snapshot), so that it can be read like the others.
func NewFile(doc *analysis.Document) *File {
	return newFile(refs.CanonicalURI(doc.URI), doc)
}

// Refs returns every "$ref" of the file, computed once per version.
func (f *File) Refs() []Ref {
	f.index()
	return f.refs
}

// DependsOn reports whether one of f's references leads into uri.
func (f *File) DependsOn(uri string) bool {
	f.index()
	return f.deps[uri]
}

// IsAsyncAPI reports whether the file is an AsyncAPI document (not a fragment).
func (f *File) IsAsyncAPI() bool { return f.Doc.IsAsyncAPI() }

func (f *File) index() {
	f.once.Do(func() {
		root := f.Doc.Root()
		if root == nil {
			return
		}
		sites := refs.Collect(root)
		f.refs = make([]Ref, len(sites))
		f.deps = map[string]bool{}
		for i, s := range sites {
			key, err := refs.Resolve(f.URI, s.Value.Value)
			// One shared string per URI: comparing keys across thousands of
			// references then stops at the pointer.
			key.URI = Intern(key.URI)
			f.refs[i] = Ref{Site: s, Key: key, Err: err}
			if err == nil && key.URI != f.URI {
				f.deps[key.URI] = true
			}
		}
	})
}

// Intern returns the one shared copy of a URI string.
func Intern(uri string) string { return unique.Make(uri).Value() }
