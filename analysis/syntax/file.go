package syntax

import (
	"bytes"
	"fmt"
	"path"
	"strings"
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
	// TooLarge is set when the text exceeds MaxTextBytes: it was not parsed,
	// and Errors holds one error saying so.
	TooLarge bool
}

// MaxTextBytes is the largest text Parse parses. Parsing costs about 40
// bytes of memory per byte of YAML, so the cap keeps one hostile or
// accidental file from exhausting the process (see SECURITY.md), while the
// 170,000-line (5.4 MB) documents of the benchmarks still fit.
const MaxTextBytes = 8 << 20

// MaxNodes is the most keys and values a parsed text may hold (the largest
// generated benchmark document, 5.5 MB, has 370,000); more are dropped like
// a text over MaxTextBytes, since analysis time and memory follow the count.
const MaxNodes = 500_000

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
	if len(text) > MaxTextBytes {
		f.TooLarge = true
		f.Errors = []Error{{Start: 0, End: lineEnd(text[:min(len(text), 256)], 0), Message: fmt.Sprintf(
			"This file is %.1f MiB; files over %d MiB are not analysed, to keep the editor responsive. Split it into files joined with $ref.",
			float64(len(text))/(1<<20), MaxTextBytes>>20)}}
		return f
	}
	tooMany := func() *File {
		return &File{Format: format, BOM: f.BOM, TooLarge: true, Errors: []Error{{Start: 0, End: lineEnd(text[:min(len(text), 256)], 0),
			Message: fmt.Sprintf("This file holds over %d keys and values; larger files are not analysed, to keep the editor responsive. Split it into files joined with $ref.", MaxNodes)}}}
	}
	// Nearly every key or value follows one of these bytes: their count
	// estimates the tree before the parser spends memory on it (the exact
	// count is checked after parsing).
	if Structural(text) > MaxNodes {
		return tooMany()
	}
	if format == JSON {
		parseJSON(text, f)
	} else {
		parseYAML(text, f)
	}
	if countNodes(f.Root, MaxNodes+1) > MaxNodes {
		return tooMany()
	}
	return f
}

// WithinLimits reports whether Parse would analyse text rather than refuse
// it as too large; callers that parse pieces of a text on their own check
// the whole first (or add up Structural over the pieces).
func WithinLimits(text []byte) bool {
	return len(text) <= MaxTextBytes && Structural(text) <= MaxNodes
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
