package main

import "strings"

// editableDoc is the driver's copy of the open document, kept in step with
// the edits it sends so that full-sync servers get the right text.
type editableDoc struct {
	lines []string
}

func newEditableDoc(text string) *editableDoc {
	return &editableDoc{lines: strings.Split(text, "\n")}
}

func (d *editableDoc) text() string { return strings.Join(d.lines, "\n") }

// byteCol maps a UTF-16 column of a line to a byte offset in it.
func (d *editableDoc) byteCol(line, col16 int) int {
	s := d.lines[line]
	n := 0
	for i, r := range s {
		if n >= col16 {
			return i
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return len(s)
}

func (d *editableDoc) insert(line, col int, s string) contentChange {
	b := d.byteCol(line, col)
	d.lines[line] = d.lines[line][:b] + s + d.lines[line][b:]
	p := position{Line: line, Character: col}
	return contentChange{Range: &lspRange{Start: p, End: p}, Text: s}
}

// delete removes n ASCII characters at col.
func (d *editableDoc) delete(line, col, n int) contentChange {
	b := d.byteCol(line, col)
	d.lines[line] = d.lines[line][:b] + d.lines[line][b+n:]
	return contentChange{Range: &lspRange{
		Start: position{Line: line, Character: col},
		End:   position{Line: line, Character: col + n},
	}}
}
