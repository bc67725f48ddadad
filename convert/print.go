package convert

import (
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// printer writes the rewritten document. Every part that did not change is
// copied from the original text, with its comments, blank lines, quoting and
// key order; when it moves to another indentation its lines are shifted as
// a whole, so block scalars and comments keep their shape. Only new content
// is written from scratch, in the document's style.
type printer struct {
	layout
	st      style
	out     []byte
	anchors []anchor // output stretches copied verbatim from the original
}

// anchor records that out[out:out+n] is a copy of src[src:src+n].
type anchor struct{ out, src, n int }

func (p *printer) write(s string) { p.out = append(p.out, s...) }

func (p *printer) indent(n int) {
	for range n {
		p.out = append(p.out, ' ')
	}
}

// newline ends the current output line unless it is ended already.
func (p *printer) newline() {
	if len(p.out) > 0 && p.out[len(p.out)-1] != '\n' {
		p.write(p.st.nl)
	}
}

// copy copies src[from:to] as it is.
func (p *printer) copy(from, to int) {
	if to <= from {
		return
	}
	p.anchors = append(p.anchors, anchor{len(p.out), from, to - from})
	p.out = append(p.out, p.src[from:to]...)
}

// copyShift copies src[from:to] with every line after the first (and the
// first too when from starts a line) moved by delta columns: spaces are
// added to lines that hold anything, or taken from their indentation.
func (p *printer) copyShift(from, to, delta int) {
	if delta == 0 || to <= from {
		p.copy(from, to)
		return
	}
	i := from
	atStart := p.atLineStart(from)
	for i < to {
		if atStart {
			if delta > 0 {
				if p.src[i] != '\n' && p.src[i] != '\r' {
					p.indent(delta)
				}
			} else {
				for k := 0; k < -delta && i < to && p.src[i] == ' '; k++ {
					i++
				}
			}
		}
		j := i
		for j < to && p.src[j] != '\n' {
			j++
		}
		if j < to {
			j++
		}
		p.copy(i, j)
		i = j
		atStart = true
	}
}

// root writes the whole document.
func (p *printer) root(n *node) {
	o := n.orig
	if p.st.json || o.Flow || len(o.Pairs) == 0 {
		p.copy(0, o.Start)
		p.flow(n, p.firstColOr(o, 0), !p.st.pretty)
		p.copy(o.End, len(p.src))
		return
	}
	from := p.pairHead(o, 0)
	p.copy(0, from)
	p.blockMap(n, p.col(o.Pairs[0].Key.Start), false)
	if end := p.valueEnd(o.Pairs[len(o.Pairs)-1].Value); end < len(p.src) {
		if len(p.out) > 0 && p.out[len(p.out)-1] != '\n' && p.src[end-1] != '\n' {
			p.write(p.st.nl)
		}
		p.copy(end, len(p.src))
	}
}

func (p *printer) firstColOr(o *syntax.Node, def int) int {
	if c := p.firstCol(o); c >= 0 {
		return c
	}
	return def
}

// isBlock reports whether n is written as a block collection: YAML with
// content, not written in flow style by the author ({} and [] included).
func (p *printer) isBlock(n *node) bool {
	if p.st.json || n.flow || n.orig != nil && n.orig.Flow {
		return false
	}
	switch n.kind {
	case syntax.Mapping:
		return len(n.entryList()) > 0
	case syntax.Sequence:
		return len(n.itemList()) > 0
	}
	return false
}

// blockMap writes the block mapping n with its keys at column ind. inline:
// the output already stands at column ind, after a "- ".
func (p *printer) blockMap(n *node, ind int, inline bool) {
	o := n.orig
	if o != nil && block(o) && !n.dirty() {
		from := p.pairHead(o, 0)
		if inline {
			from = o.Pairs[0].Key.Start
		}
		if !p.atLineStart(from) && !inline {
			p.indent(ind)
		}
		p.copyShift(from, p.valueEnd(o.Pairs[len(o.Pairs)-1].Value), ind-p.col(o.Pairs[0].Key.Start))
		return
	}
	like := o
	if like == nil {
		like = n.blankLike
	}
	sep := block(like) && p.blankBetween(like)
	// New entries between original ones mirror the gap they were put in:
	// a blank line before them gets one after them too.
	prevNew, blankBeforeNew := false, false
	for i, e := range n.entryList() {
		first := inline && i == 0
		if !first {
			p.newline()
		}
		// An entry that comes from elsewhere counts as new here.
		isNew := e.pair == nil || e.holder != o
		switch {
		case i == 0:
		case isNew && !prevNew:
			blankBeforeNew = p.endsBlank()
		case isNew && sep || !isNew && prevNew && blankBeforeNew:
			if !p.endsBlank() {
				p.write(p.st.nl)
			}
		}
		prevNew = isNew
		if !first {
			p.lead(e.lead, ind)
		}
		if e.pair != nil {
			p.origEntry(e, ind, first)
			continue
		}
		if !first {
			p.indent(ind)
		}
		p.write(p.st.scalarText(e.key))
		p.afterKey(e.value, ind)
	}
}

// lead writes comment lines handed over from entries or items that went,
// moved to column ind.
func (p *printer) lead(spans []span, ind int) {
	for _, sp := range spans {
		p.copyShift(sp.start, sp.end, ind-sp.col)
	}
}

// blankBetween reports whether the author separates the entries of a block
// mapping with blank lines: new entries get one too.
func (p *printer) blankBetween(o *syntax.Node) bool {
	if len(o.Pairs) < 2 {
		return false
	}
	for i := 1; i < len(o.Pairs); i++ {
		from, to := p.valueEnd(o.Pairs[i-1].Value), p.pairHead(o, i)
		blankSeen := false
		for ls := from; ls < to; ls = p.lineEnd(ls) {
			if blank, _, _ := p.lineKind(ls); blank {
				blankSeen = true
			}
		}
		if !blankSeen {
			return false
		}
	}
	return true
}

func (p *printer) endsBlank() bool {
	s := strings.TrimRight(string(p.out[max(0, len(p.out)-4):]), " ")
	return strings.HasSuffix(s, "\n\n") || strings.HasSuffix(s, "\n\r\n")
}

// origEntry writes an original entry at column ind of a block mapping:
// its head comments, its key (or the new one), its value, its tail.
func (p *printer) origEntry(e *entry, ind int, inline bool) {
	pair, m := e.pair, e.holder
	if m == nil || !block(m) {
		// from a flow mapping: only its key and value come along
		if !inline {
			p.indent(ind)
		}
		p.write(p.st.scalarText(e.key))
		p.afterKey(e.value, ind)
		return
	}
	i := e.idx
	delta := ind - p.col(pair.Key.Start)
	tail := p.pairTail(m, i)
	if !inline {
		p.copyShift(p.pairHead(m, i), p.lineStart(pair.Key.Start), delta)
		p.indent(ind)
	}
	p.key(e)
	v := e.value
	same := v.orig == pair.Value || v.alias != nil && v.alias == pair.Value
	inPlace := v.orig == pair.Value && v.alias == nil
	switch {
	case same && !v.dirty():
		p.copyShift(pair.Key.End, tail, delta)
		return
	case inPlace && p.isBlock(v) && block(v.orig):
		p.copyShift(pair.Key.End, p.lineEnd(pair.Key.End), delta)
		child := ind + p.firstCol(v.orig) - p.col(pair.Key.Start)
		if child <= ind && v.kind == syntax.Mapping {
			child = ind + p.st.step
		}
		if v.kind == syntax.Mapping {
			p.blockMap(v, child, false)
		} else {
			p.blockSeq(v, child, false)
		}
		p.newline()
		p.copyShift(p.valueEnd(pair.Value), tail, delta)
	case inPlace && (v.kind == syntax.Scalar || !p.isBlock(v) && !block(v.orig)):
		p.copyShift(pair.Key.End, pair.Value.Start, delta)
		if v.kind == syntax.Scalar {
			p.scalar(v, ind)
		} else {
			p.flow(v, ind+p.st.step, true)
		}
		p.copyShift(max(pair.Value.End, pair.Value.Start), tail, delta)
	default:
		p.afterKey(v, ind)
		p.copyShift(p.valueEnd(pair.Value), tail, delta)
	}
}

// afterKey writes ":" and a value that does not come from this entry's
// original text, ending with a line break.
func (p *printer) afterKey(v *node, ind int) {
	p.write(":")
	switch {
	case v.kind == syntax.Scalar:
		p.write(" ")
		p.scalar(v, ind)
	case p.isBlock(v) && v.kind == syntax.Mapping:
		p.write(p.st.nl)
		p.blockMap(v, ind+p.st.step, false)
	case p.isBlock(v):
		p.write(p.st.nl)
		p.blockSeq(v, ind+p.st.seqIndent, false)
	default:
		p.write(" ")
		p.flow(v, ind+p.st.step, true)
	}
	p.newline()
}

// blockSeq writes the block sequence n with its dashes at column ind.
func (p *printer) blockSeq(n *node, ind int, inline bool) {
	o := n.orig
	if o != nil && block(o) && !n.dirty() {
		from := p.itemHead(o, 0)
		if inline {
			from = p.dash(o.Items[0])
		}
		if !p.atLineStart(from) && !inline {
			p.indent(ind)
		}
		p.copyShift(from, p.valueEnd(o.Items[len(o.Items)-1]), ind-p.col(p.dash(o.Items[0])))
		return
	}
	for i, it := range n.itemList() {
		first := inline && i == 0
		if !first {
			p.newline()
		}
		if j := itemIndex(o, it); j >= 0 && block(o) {
			p.origItem(o, j, it, ind, first)
			continue
		}
		if !first {
			p.lead(it.lead, ind)
			p.indent(ind)
		}
		p.write("- ")
		p.itemValue(it, ind+2)
	}
}

// itemIndex finds the original item it stands for in the sequence o.
func itemIndex(o *syntax.Node, it *node) int {
	if o == nil || it.orig == nil {
		return -1
	}
	for j, x := range o.Items {
		if x == it.orig || it.alias != nil && x == it.alias {
			return j
		}
	}
	return -1
}

// origItem writes item j of the original block sequence o at column ind.
func (p *printer) origItem(o *syntax.Node, j int, it *node, ind int, inline bool) {
	d := p.dash(o.Items[j])
	delta := ind - p.col(d)
	tail := p.itemTail(o, j)
	if !inline {
		p.copyShift(p.itemHead(o, j), p.lineStart(d), delta)
		p.indent(ind)
	}
	orig := o.Items[j]
	if !it.dirty() {
		p.copyShift(d, tail, delta)
		return
	}
	p.copy(d, orig.Start)
	at := ind + orig.Start - d
	switch {
	case it.alias != nil:
		p.itemValue(it, at)
	case it.kind == syntax.Mapping && p.isBlock(it) && block(orig):
		p.blockMap(it, at, true)
	case it.kind == syntax.Sequence && p.isBlock(it) && block(orig):
		p.blockSeq(it, at, true)
	case it.kind == syntax.Scalar:
		p.scalar(it, at)
		p.copyShift(orig.End, tail, delta)
		return
	default:
		p.itemValue(it, at)
	}
	p.newline()
	p.copyShift(p.valueEnd(orig), tail, delta)
}

// itemValue writes the value of a sequence item after its "- ", at column
// ind, ending with a line break.
func (p *printer) itemValue(v *node, ind int) {
	switch {
	case v.kind == syntax.Scalar:
		p.scalar(v, ind)
	case p.isBlock(v) && v.kind == syntax.Mapping:
		p.blockMap(v, ind, true)
	case p.isBlock(v):
		p.blockSeq(v, ind, true)
	default:
		p.flow(v, ind+p.st.step, true)
	}
	p.newline()
}

// scalar writes a scalar value; an original one as it was written (a
// multi-line one shifted to the new indentation, ind being the column of
// its key or dash), a replaced one in the quoting of the original.
func (p *printer) scalar(v *node, ind int) {
	o := v.orig
	switch {
	case o != nil && !v.replaced && v.alias != nil && !v.expanded:
		p.copy(v.alias.Start, v.alias.End)
	case o != nil && !v.replaced:
		p.copyShift(o.Start, o.End, ind-p.lineIndent(o.Start))
	case o != nil && !p.st.json && o.End > o.Start && (p.src[o.Start] == '"' || p.src[o.Start] == '\''):
		if p.src[o.Start] == '"' {
			p.write(syntax.DoubleQuoted(v.value))
		} else {
			p.write(syntax.SingleQuoted(v.value))
		}
	case v.tag == "!!str" || v.tag == "":
		p.write(p.st.scalarText(v.value))
	case v.tag == "!!null" && p.st.json:
		p.write("null")
	default:
		p.write(v.value)
	}
}

// flow writes a value in flow style (JSON, or YAML {…}/[…]) whose inner
// lines, when it spans several, start at column ind. New collections are
// written on one line when oneLine is set (inside a one-line collection).
func (p *printer) flow(v *node, ind int, oneLine bool) {
	o := v.orig
	if v.kind == syntax.Scalar {
		p.flowScalar(v, ind)
		return
	}
	if v.alias != nil && !v.dirty() {
		p.copy(v.alias.Start, v.alias.End)
		return
	}
	origFlow := o != nil && (o.Flow || p.st.json)
	if origFlow && !v.dirty() {
		p.copyShift(o.Start, o.End, ind-p.firstColOr(o, ind))
		return
	}
	open, closing := "{", "}"
	if v.kind == syntax.Sequence {
		open, closing = "[", "]"
	}
	if v.kind == syntax.Mapping && len(v.entryList()) == 0 || v.kind == syntax.Sequence && len(v.itemList()) == 0 {
		p.write(open + closing)
		return
	}
	// Separators come from the original where it has them, so that a
	// changed collection keeps its layout.
	multi := p.st.json && p.st.pretty && !oneLine
	if origFlow && o.End > o.Start {
		multi = strings.ContainsRune(string(p.src[o.Start:o.End]), '\n')
	}
	opening, sep, end := "", p.st.comma, ""
	if multi {
		opening, sep, end = p.st.nl+strings.Repeat(" ", ind), ","+p.st.nl+strings.Repeat(" ", ind), p.st.nl+strings.Repeat(" ", max(0, ind-p.st.step))
	}
	delta := 0
	if origFlow {
		delta = ind - p.firstColOr(o, ind)
		switch {
		case v.kind == syntax.Mapping && len(o.Pairs) > 0:
			opening = p.shifted(o.Start+1, o.Pairs[0].Key.Start, delta)
			end = p.shifted(o.Pairs[len(o.Pairs)-1].Value.End, o.End-1, delta)
			if len(o.Pairs) > 1 {
				sep = p.shifted(o.Pairs[0].Value.End, o.Pairs[1].Key.Start, delta)
			}
		case v.kind == syntax.Sequence && len(o.Items) > 0:
			opening = p.shifted(o.Start+1, o.Items[0].Start, delta)
			end = p.shifted(o.Items[len(o.Items)-1].End, o.End-1, delta)
			if len(o.Items) > 1 {
				sep = p.shifted(o.Items[0].End, o.Items[1].Start, delta)
			}
		}
	}
	p.write(open)
	p.write(opening)
	if v.kind == syntax.Mapping {
		for i, e := range v.entryList() {
			if i > 0 {
				p.write(sep)
			}
			if origFlow && e.holder == o {
				p.flowEntry(e, ind, delta, !multi)
				continue
			}
			p.write(p.st.scalarText(e.key))
			p.colon(e.value, ind, !multi)
			p.flowChild(e.value, ind, !multi)
		}
	} else {
		for i, it := range v.itemList() {
			if i > 0 {
				p.write(sep)
			}
			p.flowChild(it, ind, !multi)
		}
	}
	p.write(end)
	p.write(closing)
}

// flowScalar writes a scalar inside a flow collection: a block scalar, or
// a plain one that a flow collection would cut short, is quoted.
func (p *printer) flowScalar(v *node, ind int) {
	o := v.orig
	if o != nil && !v.replaced && v.alias == nil && !p.st.json && o.End > o.Start {
		c := p.src[o.Start]
		if c == '|' || c == '>' || c != '"' && c != '\'' && o.Tag() == "!!str" && !syntax.PlainSafe(o.Value) {
			p.write(p.st.scalarText(o.Value))
			return
		}
	}
	p.scalar(v, ind)
}

// shifted is the text src[from:to] with its lines moved by delta.
func (p *printer) shifted(from, to int, delta int) string {
	if to <= from {
		return ""
	}
	sub := printer{layout: p.layout, st: p.st}
	sub.copyShift(from, to, delta)
	return string(sub.out)
}

// flowEntry writes an original entry of the flow mapping being written,
// whose inner lines moved by delta.
func (p *printer) flowEntry(e *entry, ind, delta int, oneLine bool) {
	pair, v := e.pair, e.value
	p.key(e)
	if v.orig != pair.Value && (v.alias == nil || v.alias != pair.Value) {
		p.colon(v, ind, oneLine)
		p.flowChild(v, ind, oneLine)
		return
	}
	p.copyShift(pair.Key.End, pair.Value.Start, delta)
	if !v.dirty() {
		p.copyShift(pair.Value.Start, pair.Value.End, delta)
		return
	}
	child := ind + p.st.step
	if c := p.firstCol(pair.Value); c >= 0 {
		child = c + delta
	}
	p.flow(v, child, oneLine)
}

// colon writes what stands between a new key and its value in a flow
// mapping whose keys are at column ind: ": ", or, in a JSON document that
// puts an object's opening brace on a line of its own, a line break.
func (p *printer) colon(v *node, ind int, oneLine bool) {
	multiLine := v.orig == nil || v.orig.End > v.orig.Start && strings.ContainsRune(string(p.src[v.orig.Start:v.orig.End]), '\n')
	if p.st.braceOwnLine && !oneLine && v.kind == syntax.Mapping && len(v.entryList()) > 0 && multiLine {
		p.write(":" + p.st.nl + strings.Repeat(" ", ind))
		return
	}
	p.write(p.st.colon)
}

// flowChild writes a value that is new to the flow collection whose
// content is at column ind.
func (p *printer) flowChild(v *node, ind int, oneLine bool) {
	if v.kind == syntax.Scalar {
		p.flow(v, ind, oneLine)
		return
	}
	child := ind + p.st.step
	if v.alias != nil && !v.dirty() {
		p.copy(v.alias.Start, v.alias.End)
		return
	}
	if v.orig != nil && !v.dirty() && (v.orig.Flow || p.st.json) {
		if c := p.firstCol(v.orig); c >= 0 {
			p.copyShift(v.orig.Start, v.orig.End, child-c)
			return
		}
	}
	p.flow(v, child, oneLine)
}

// key writes the key of an original entry: as it was, or the new key in
// the quoting of the old one.
func (p *printer) key(e *entry) {
	k := e.pair.Key
	switch {
	case e.key == k.Value:
		p.copy(k.Start, k.End)
	case k.End > k.Start && p.src[k.Start] == '"':
		p.write(syntax.DoubleQuoted(e.key))
	case k.End > k.Start && p.src[k.Start] == '\'' && !p.st.json:
		p.write(syntax.SingleQuoted(e.key))
	default:
		p.write(p.st.scalarText(e.key))
	}
}
