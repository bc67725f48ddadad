package source

import "sort"

// lineTable holds the offset where each line starts, in blocks. A block
// after an edit is shifted rather than copied: a keystroke in a document of
// hundreds of thousands of lines copies one block and the list of blocks.
type lineTable struct {
	blocks []lineBlock
	n      int // lines
}

// lineBlock is a run of line starts, each off by shift.
type lineBlock struct {
	first  int // the index of its first line
	shift  int
	starts []int // shared by the versions of a text: never written once built
}

// blockLines is the most line starts a block is built with (a variable
// for tests, which make blocks tiny).
var blockLines = 1024

// newLineTable is the table of starts, which it keeps.
func newLineTable(starts []int) lineTable {
	t := lineTable{n: len(starts), blocks: make([]lineBlock, 0, (len(starts)+blockLines-1)/blockLines)}
	t.appendBlocks(starts, 0)
	return t
}

// appendBlocks cuts starts (lines from index first on, unshifted) into
// blocks of even sizes at the end of t: no edit leaves a block of a few
// lines behind.
func (t *lineTable) appendBlocks(starts []int, first int) {
	k := (len(starts) + blockLines - 1) / blockLines
	for j := range k {
		from, to := j*len(starts)/k, (j+1)*len(starts)/k
		t.blocks = append(t.blocks, lineBlock{first: first + from, starts: starts[from:to:to]})
	}
}

func (t *lineTable) len() int { return t.n }

// block is the index of the block holding line i.
func (t *lineTable) block(i int) int {
	return sort.Search(len(t.blocks), func(b int) bool { return t.blocks[b].first > i }) - 1
}

// at is where line i starts.
func (t *lineTable) at(i int) int {
	b := &t.blocks[t.block(i)]
	return b.starts[i-b.first] + b.shift
}

// lineOf is the last line starting at or before offset (line 0 starts at 0).
func (t *lineTable) lineOf(offset int) int {
	bi := sort.Search(len(t.blocks), func(b int) bool { return t.blocks[b].starts[0]+t.blocks[b].shift > offset }) - 1
	if bi < 0 {
		return 0
	}
	b := &t.blocks[bi]
	return b.first + sort.Search(len(b.starts), func(j int) bool { return b.starts[j]+b.shift > offset }) - 1
}

// edited is the table after an edit that replaced the lines [first, last)
// (first ≥ 1) with lines starting at inserted, and moved the lines after it
// by delta bytes. The blocks from the one holding line first-1 to the one
// holding line last-1 (and small ones after) are built again; the ones
// after keep their starts.
func (t *lineTable) edited(first, last int, inserted []int, delta int) lineTable {
	lo := t.block(first - 1)
	hi := t.block(max(last, first) - 1)
	// A small block takes the next one in, so that edits do not leave a
	// trail of tiny blocks behind.
	for hi+1 < len(t.blocks) && t.blocks[hi+1].first-t.blocks[lo].first < blockLines/2 {
		hi++
	}
	out := lineTable{n: t.n + len(inserted) - (last - first), blocks: make([]lineBlock, 0, len(t.blocks)+1)}
	out.blocks = append(out.blocks, t.blocks[:lo]...)
	start, end := t.blocks[lo].first, t.blocks[hi].first+len(t.blocks[hi].starts)
	starts := make([]int, 0, (first-start)+len(inserted)+(end-last))
	for i := start; i < first; i++ {
		starts = append(starts, t.at(i))
	}
	starts = append(starts, inserted...)
	for i := last; i < end; i++ {
		starts = append(starts, t.at(i)+delta)
	}
	out.appendBlocks(starts, start)
	moved := len(inserted) - (last - first)
	for _, b := range t.blocks[hi+1:] {
		b.first += moved
		b.shift += delta
		out.blocks = append(out.blocks, b)
	}
	return out
}
