package syntax

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// parseJSON builds the tree with jsontext, whose decoder reports exact byte
// offsets for every token and for syntax errors.
func parseJSON(text []byte, f *File) {
	body := text
	base := 0
	if f.BOM {
		body, base = text[len(bom):], len(bom)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return
	}
	b := jsonBuilder{base: base, file: f,
		dec: jsontext.NewDecoder(bytes.NewReader(body), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))}
	root, err := b.value()
	if err != nil {
		f.Errors = append(f.Errors, b.syntaxError(err, text))
		f.Root = root
		return
	}
	f.Root = root
	if _, err := b.dec.ReadToken(); !errors.Is(err, io.EOF) {
		off := base + int(b.dec.InputOffset())
		for off < len(text) && isSpace(text[off]) {
			off++
		}
		end := off + len(bytes.TrimRight(text[off:lineEnd(text, off)], " \t"))
		f.Errors = append(f.Errors, Error{Start: off, End: end,
			Message: "Unexpected content after the end of the JSON document."})
	}
}

type jsonBuilder struct {
	dec  *jsontext.Decoder
	base int
	file *File
}

func (b *jsonBuilder) offset() int { return b.base + int(b.dec.InputOffset()) }

func (b *jsonBuilder) value() (*Node, error) {
	switch b.dec.PeekKind() {
	case '{':
		return b.object()
	case '[':
		return b.array()
	}
	raw, err := b.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	end := b.offset()
	return scalarFromJSON(raw, end-len(raw), end), nil
}

func (b *jsonBuilder) object() (*Node, error) {
	if _, err := b.dec.ReadToken(); err != nil {
		return nil, err
	}
	n := &Node{Kind: Mapping, tag: tagMap, Flow: true, Start: b.offset() - 1}
	seen := map[string]bool{}
	for b.dec.PeekKind() != '}' {
		raw, err := b.dec.ReadValue()
		if err != nil {
			return b.partial(n), err
		}
		end := b.offset()
		key := scalarFromJSON(raw, end-len(raw), end)
		val, err := b.value()
		if val == nil {
			val = &Node{Kind: Scalar, tag: tagNull, Start: end, End: end}
		}
		n.Pairs = append(n.Pairs, Pair{Key: key, Value: val})
		if seen[key.Value] {
			b.file.Duplicates = append(b.file.Duplicates, key)
		}
		seen[key.Value] = true
		if err != nil {
			n.End = val.End
			return b.partial(n), err
		}
	}
	if _, err := b.dec.ReadToken(); err != nil {
		return b.partial(n), err
	}
	n.End = b.offset()
	return n, nil
}

func (b *jsonBuilder) array() (*Node, error) {
	if _, err := b.dec.ReadToken(); err != nil {
		return nil, err
	}
	n := &Node{Kind: Sequence, tag: tagSeq, Flow: true, Start: b.offset() - 1}
	for b.dec.PeekKind() != ']' {
		item, err := b.value()
		if item != nil {
			n.Items = append(n.Items, item)
		}
		if err != nil {
			return b.partial(n), err
		}
	}
	if _, err := b.dec.ReadToken(); err != nil {
		return b.partial(n), err
	}
	n.End = b.offset()
	return n, nil
}

// partial ends a collection cut short by an error where reading stopped,
// and never before it starts.
func (b *jsonBuilder) partial(n *Node) *Node {
	n.End = max(n.End, n.Start, b.offset())
	return n
}

func scalarFromJSON(raw jsontext.Value, start, end int) *Node {
	n := &Node{Kind: Scalar, Start: start, End: end}
	switch raw.Kind() {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			s = strings.Trim(string(raw), `"`)
		}
		n.Value, n.tag, n.Quoted = s, tagStr, true
	case 't', 'f':
		n.Value, n.tag = string(raw), tagBool
	case 'n':
		n.Value, n.tag = "", tagNull
	default:
		n.Value, n.tag = string(raw), tagFloat
		if _, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			n.tag = tagInt
		}
	}
	return n
}

func (b *jsonBuilder) syntaxError(err error, text []byte) Error {
	off := b.offset()
	msg := "JSON syntax error."
	var se *jsontext.SyntacticError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		off = len(bytes.TrimRight(text, " \t\r\n"))
		msg = "The JSON document ends too early: a closing bracket, brace or quote is missing."
	case errors.As(err, &se):
		off = b.base + int(se.ByteOffset)
		msg = "JSON syntax error: " + strings.TrimPrefix(se.Err.Error(), "jsontext: ") + "."
	}
	off = min(max(off, 0), len(text))
	end := off
	if end < len(text) {
		end++
		for end < len(text) && end-off < 64 && !isSpace(text[end]) && !strings.ContainsRune(",:{}[]", rune(text[end])) {
			end++
		}
	}
	return Error{Start: off, End: end, Message: msg}
}
