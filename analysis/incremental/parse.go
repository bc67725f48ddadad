package incremental

import (
	"runtime"

	"asyncapi-ls/analysis/syntax"
)

// minCoarseSection keeps the sections of Parse big enough that starting a
// parser for each costs little next to parsing it. Tests lower it.
var minCoarseSection = 64 << 10

// Parse parses a YAML text in a few big sections on every core and
// assembles the tree syntax.Parse gives for the whole text. It reports
// false for a text the splitter does not handle (a syntax error, flow or
// anchors across sections, …): the caller then parses it whole. For one-shot
// analyses of big documents (`asyncapi-ls check`); an editor's document
// keeps a State instead.
func Parse(text []byte) (*syntax.File, bool) {
	s := New()
	target := max(len(text)/(4*runtime.GOMAXPROCS(0)), minCoarseSection)
	a, ok := s.assembleText(text, target)
	if !ok {
		return nil, false
	}
	return s.materialize(a), true
}

// coarsen joins runs of neighbouring leaf chunks while they stay within
// target bytes, and folds a split chunk back into one when it is that
// small: a few big sections for a parse from scratch, where thousands of
// small ones would each pay a parser's start-up.
func coarsen(chunks []*chunk, target int) []*chunk {
	var out []*chunk
	for _, c := range chunks {
		if c.children != nil {
			if c.end-c.start <= target {
				c.children = nil
			} else {
				c.children = coarsen(c.children, target)
			}
		}
		if n := len(out); n > 0 && c.children == nil && out[n-1].children == nil && c.end-out[n-1].start <= target {
			out[n-1].end = c.end
			continue
		}
		out = append(out, c)
	}
	return out
}
