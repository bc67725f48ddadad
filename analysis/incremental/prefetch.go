package incremental

import (
	"bytes"
	"hash/maphash"
)

// minPrefetch is the number of missing sections from which they are parsed
// in parallel: a fresh document has thousands, an edit usually one.
const minPrefetch = 8

// prefetch parses, on every core, the sections of the plan that the cache
// lacks (when there are at least minParallel of them), so that assembling
// then finds them all. It parses exactly what section would, and leaves
// failures to section, which reports them.
func (s *State) prefetch(text []byte, top []*chunk, minParallel int) {
	type request struct {
		start, end, indent int
		k                  key
	}
	var reqs []request
	add := func(start, end, indent int) {
		c := text[start:end]
		if start > 0 && bytes.HasPrefix(c, bom) {
			return
		}
		k := key{maphash.Bytes(s.seed, c), len(c)}
		if sec := s.cache[k]; sec != nil && bytes.Equal(sec.text, c) {
			return
		}
		reqs = append(reqs, request{start, end, indent, k})
	}
	var collect func(chunks []*chunk, indent int)
	collect = func(chunks []*chunk, indent int) {
		for _, c := range chunks {
			if c.children == nil {
				if s.known(text, c) == nil {
					add(c.start, c.end, indent)
				}
				continue
			}
			collect(c.children, indentOf(text, c.children[0].start))
			if c.head == nil {
				add(c.start, c.children[0].start, indent)
			}
		}
	}
	collect(top, 0)
	if len(reqs) < minParallel {
		return
	}
	parsed := make([]*section, len(reqs))
	onEveryCore(len(reqs), func(i int) {
		r := reqs[i]
		parsed[i], _ = parseSection(text[r.start:r.end], r.start, r.indent)
	})
	for i, r := range reqs {
		if sec := parsed[i]; sec != nil && s.cache[r.k] == nil {
			sec.fresh = true
			s.adopt(sec, r.k)
		}
	}
}
