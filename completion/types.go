package completion

import (
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// Kind classifies an item the way editors show it.
type Kind int

const (
	KindProperty Kind = iota
	KindValue
	KindEnum
	KindReference
	KindSnippet
	KindFile
	KindFolder
	KindKeyword
)

// Request is one completion request.
type Request struct {
	Text   []byte
	Offset int
	Format syntax.Format
	// Tree is the parsed current text, or the last tree that parsed when the
	// current text does not (its offsets are then stale, its names are not).
	Tree *syntax.Node
	// Snippets is set when the client accepts snippet syntax.
	Snippets bool
	// Files lists the files a reference may name under a folder given
	// relative to the document's folder ("" for that folder itself, "../x/"),
	// as paths relative to that folder, nearest first; nil offers none.
	Files func(folder string) []string
	// Snapshot is the request's view of the other files, for pointers into
	// a file a reference names; nil offers none.
	Snapshot *workspace.Snapshot
}

// Item is one proposal. The text in [ReplaceStart, ReplaceEnd) is replaced by
// InsertText.
type Item struct {
	Label         string
	Kind          Kind
	Detail        string
	Documentation string // Markdown
	InsertText    string
	Snippet       bool
	ReplaceStart  int
	ReplaceEnd    int
	FilterText    string
	SortText      string
}

// Result is the answer: Incomplete when the list was capped.
type Result struct {
	Items      []Item
	Incomplete bool
}

// MaxItems caps a list; the client asks again as the user types.
const MaxItems = 500
