package syntax

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"sync/atomic"
)

// Format is the notation of a document.
type Format uint8

const (
	YAML Format = iota
	JSON
)

func (f Format) String() string {
	if f == JSON {
		return "JSON"
	}
	return "YAML"
}

// Error is a syntax error at the byte span [Start, End).
type Error struct {
	Start, End int
	Message    string
}

// File is the parse result of one text.
type File struct {
	Format Format
	Root   *Node // nil when the text holds no value or could not be parsed
	Errors []Error
	// ExtraDocuments holds the start offset of every YAML document after the
	// first ("---" separated); only the first is analysed.
	ExtraDocuments []int
	// BOM is true when the text starts with a UTF-8 byte order mark.
	BOM bool
	// Duplicates lists every key that repeats an earlier key of its mapping.
	Duplicates []*Node
	// TooLarge is set when the text exceeds the Limits: it was not parsed,
	// and Errors holds one error saying so.
	TooLarge bool
}

// Limits bound the texts Parse analyses. Parsing costs about 40 bytes of
// memory per byte of YAML, and analysis time and memory follow the number
// of keys and values, so the limits keep one hostile or accidental file
// from exhausting the process (see SECURITY.md). A larger text gets one
// "too large" error and no tree.
type Limits struct {
	Bytes int // the largest text
	Nodes int // the most keys and values
}

// DefaultLimits hold the 4,000-channel documents of the benchmarks (20.9
// MiB, 1.48 million keys and values, 1.66 million by the estimate Parse
// checks first).
var DefaultLimits = Limits{Bytes: 24 << 20, Nodes: 1_700_000}

var limits atomic.Pointer[Limits]

// SetLimits sets the limits of the process (the editor's settings, check's
// flags); a field left zero keeps its default.
func SetLimits(l Limits) {
	if l.Bytes <= 0 {
		l.Bytes = DefaultLimits.Bytes
	}
	if l.Nodes <= 0 {
		l.Nodes = DefaultLimits.Nodes
	}
	limits.Store(&l)
}

// CurrentLimits are the limits Parse applies now.
func CurrentLimits() Limits {
	if l := limits.Load(); l != nil {
		return *l
	}
	return DefaultLimits
}

// DetectFormat decides JSON or YAML from the file name, then from the content:
// a document whose first significant character opens a JSON object is JSON.
func DetectFormat(name string, text []byte) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(text, bom), " \t\r\n")
	if len(t) > 0 && t[0] == '{' {
		return JSON
	}
	return YAML
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Parse parses text as format. It never fails: problems become Errors, and as
// much of the tree as could be read is returned.
func Parse(text []byte, format Format) *File {
	f := &File{Format: format, BOM: bytes.HasPrefix(text, bom)}
	lim := CurrentLimits()
	if len(text) > lim.Bytes {
		f.TooLarge = true
		f.Errors = []Error{{Start: 0, End: lineEnd(text[:min(len(text), 256)], 0), Message: fmt.Sprintf(
			"This file is %.1f MiB; files over %d MiB are not analysed, to keep the editor responsive. Split it into files joined with $ref, or raise the limit (setting asyncapi.limits.maxDocumentMB, check --max-document-mb).",
			float64(len(text))/(1<<20), lim.Bytes>>20)}}
		return f
	}
	tooMany := func() *File {
		return &File{Format: format, BOM: f.BOM, TooLarge: true, Errors: []Error{{Start: 0, End: lineEnd(text[:min(len(text), 256)], 0),
			Message: fmt.Sprintf("This file holds over %d keys and values; larger files are not analysed, to keep the editor responsive. Split it into files joined with $ref, or raise the limit (setting asyncapi.limits.maxNodes, check --max-nodes).", lim.Nodes)}}}
	}
	// Nearly every key or value follows one of these bytes: their count
	// estimates the tree before the parser spends memory on it (the exact
	// count is checked after parsing).
	if Structural(text) > lim.Nodes {
		return tooMany()
	}
	if format == JSON {
		parseJSON(text, f)
	} else {
		parseYAML(text, f)
	}
	if countNodes(f.Root, lim.Nodes+1) > lim.Nodes {
		return tooMany()
	}
	return f
}

// WithinLimits reports whether Parse would analyse text rather than refuse
// it as too large; callers that parse pieces of a text on their own check
// the whole first (or add up Structural over the pieces).
func WithinLimits(text []byte) bool {
	lim := CurrentLimits()
	return len(text) <= lim.Bytes && Structural(text) <= lim.Nodes
}

// Structural counts the bytes that separate or open values, which bound the
// number of keys and values of a text from above; the count of a text is
// the sum of the counts of its pieces.
func Structural(text []byte) int {
	n := 0
	for _, c := range structuralBytes {
		n += bytes.Count(text, []byte{c}) // a vector count per byte beats one loop over the text
	}
	return n
}

var structuralBytes = []byte{',', '[', '{', ':', '-', '\n', '?'}

// countNodes counts the nodes of a tree, stopping at limit.
func countNodes(n *Node, limit int) int {
	count := 0
	var walk func(n *Node)
	walk = func(n *Node) {
		if n == nil || count >= limit {
			return
		}
		count++
		for _, p := range n.Pairs {
			walk(p.Key)
			walk(p.Value)
		}
		for _, it := range n.Items {
			walk(it)
		}
	}
	walk(n)
	return count
}
