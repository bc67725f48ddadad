package syntax

import "testing"

// FuzzParse parses any bytes as YAML and as JSON: no panic, every span inside
// the text, At answers at every offset, and Data terminates.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"asyncapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\n",
		`{"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"}}`,
		"a: &a [x, *a]\nb: {<<: *a}\n",
		"? [a, b]\n: c\n",
		"key: |\n  text\n\n  more\nnext: >-\n  folded\n",
		"\ufeffa: \"😀\\\"\"\n",
		"- - - x\n",
		"a: 'it''s'\n\tb: 1\n",
		"[\"\xff\", 1e400, -0]",
		"a: {b: [c, {d: 'e\n  f: [*g, &h i]}\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, text []byte, json bool) {
		format := YAML
		if json {
			format = JSON
		}
		file := Parse(text, format)
		inText := func(what string, start, end int) {
			if start < 0 || end < start || end > len(text) {
				t.Fatalf("%s span [%d,%d) outside the text of %d bytes", what, start, end, len(text))
			}
		}
		for _, e := range file.Errors {
			inText("error", e.Start, e.End)
		}
		for _, k := range file.Duplicates {
			inText("duplicate", k.Start, k.End)
		}
		for _, off := range file.ExtraDocuments {
			inText("extra document", off, off)
		}
		nodes := 0
		var walk func(n *Node, depth int)
		walk = func(n *Node, depth int) {
			if n == nil {
				return
			}
			nodes++
			inText("node", n.Start, n.End)
			for _, p := range n.Pairs {
				if p.Key == nil || p.Value == nil {
					t.Fatalf("pair with a nil key or value at %d", n.Start)
				}
				walk(p.Key, depth+1)
				walk(p.Value, depth+1)
			}
			for _, it := range n.Items {
				walk(it, depth+1)
			}
		}
		walk(file.Root, 0)
		if len(text) <= 4096 {
			for off := 0; off <= len(text); off++ {
				loc := At(file.Root, off)
				if loc.Node != nil {
					inText("At", loc.Node.Start, loc.Node.End)
				}
				file.Root.Find(loc.Path...)
				file.Root.FindPair(loc.Path...)
				c := ContextAt(text, off, format)
				inText("context", c.ReplaceStart, c.ReplaceEnd)
			}
		}
		for _, m := range AnchorMarks(text, format) {
			inText("anchor", m.Start, m.End)
			AnchoredText(text, m, 8)
		}
		file.Root.Data()
	})
}
