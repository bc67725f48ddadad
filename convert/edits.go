package convert

import (
	"slices"
	"unicode/utf8"

	"asyncapi-ls/analysis/source"
)

// edits turns the printed output into edits of the original text: the
// copied stretches that keep their order (the heaviest increasing chain of
// anchors, by source offset) stay, everything between them is replaced.
// Moved parts show as a deletion and an insertion; an unchanged document
// gives no edit.
func edits(src, out []byte, anchors []anchor) []source.Edit {
	kept := increasingChain(anchors)
	var es []source.Edit
	srcAt, outAt := 0, 0
	add := func(srcEnd, outEnd int) {
		if srcEnd > srcAt || outEnd > outAt {
			es = append(es, trim(src, out, srcAt, srcEnd, outAt, outEnd)...)
		}
	}
	for _, a := range kept {
		add(a.src, a.out)
		srcAt, outAt = a.src+a.n, a.out+a.n
	}
	add(len(src), len(out))
	return es
}

// trim makes the edit replacing src[s0:s1] with out[o0:o1] as small as
// their common start and end allow, on character boundaries.
func trim(src, out []byte, s0, s1, o0, o1 int) []source.Edit {
	for s0 < s1 && o0 < o1 && src[s0] == out[o0] {
		s0++
		o0++
	}
	for s0 < s1 && o0 < o1 && src[s1-1] == out[o1-1] {
		s1--
		o1--
	}
	for s0 > 0 && s0 < len(src) && !utf8.RuneStart(src[s0]) {
		s0--
		o0--
	}
	for s1 < len(src) && !utf8.RuneStart(src[s1]) {
		s1++
		o1++
	}
	if s0 == s1 && o0 == o1 {
		return nil
	}
	return []source.Edit{{Start: s0, End: s1, Text: string(out[o0:o1])}}
}

// increasingChain picks, from anchors in output order, the chain whose
// source stretches follow each other in the same order, copying the most
// bytes (a weighted longest increasing subsequence, O(n log n) with a
// Fenwick tree over source ends).
func increasingChain(anchors []anchor) []anchor {
	n := len(anchors)
	if n == 0 {
		return nil
	}
	// Positions ranked by source end, so that "ends at or before my start"
	// is a prefix of the tree.
	ends := make([]int, n)
	for i, a := range anchors {
		ends[i] = a.src + a.n
	}
	slices.Sort(ends)
	ends = slices.Compact(ends)
	tree := make([]int, len(ends)+1) // best chain weight per end rank; values are indices+1 into best
	best := make([]int, n)           // weight of the best chain ending with anchor i
	prev := make([]int, n)
	var query func(r int) int
	query = func(r int) int { // index+1 of the best chain among ends of rank <= r
		res := 0
		for ; r > 0; r -= r & -r {
			if j := tree[r]; j > 0 && (res == 0 || best[j-1] > best[res-1]) {
				res = j
			}
		}
		return res
	}
	for i, a := range anchors {
		r, _ := slices.BinarySearch(ends, a.src+1) // ends <= a.src have rank < r
		// BinarySearch gives the first end >= a.src+1: those before it end at or before a.src.
		j := query(r)
		best[i], prev[i] = a.n, -1
		if j > 0 {
			best[i] += best[j-1]
			prev[i] = j - 1
		}
		er, _ := slices.BinarySearch(ends, a.src+a.n)
		for k := er + 1; k <= len(ends); k += k & -k {
			if tree[k] == 0 || best[tree[k]-1] < best[i] {
				tree[k] = i + 1
			}
		}
	}
	top := 0
	for i := range best {
		if best[i] > best[top] {
			top = i
		}
	}
	var chain []anchor
	for i := top; i >= 0; i = prev[i] {
		chain = append(chain, anchors[i])
	}
	slices.Reverse(chain)
	return chain
}
