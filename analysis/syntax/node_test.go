package syntax

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// TestIndexKeysLike builds a big mapping again from another one's keys, as
// the incremental analysis does for each version, and checks every lookup
// and the repeated-key answer against a mapping indexed afresh: the index
// is shared only when the keys are the same.
func TestIndexKeysLike(t *testing.T) {
	keys := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("key%d", i)
		}
		return out
	}
	base := keys(40)
	cases := map[string][]string{
		"same keys":         base,
		"one key renamed":   append(append(append([]string{}, base[:7]...), "renamed"), base[8:]...),
		"one key repeated":  append(append(append([]string{}, base[:7]...), base[3]), base[8:]...),
		"one key more":      append(append([]string{}, base...), "extra"),
		"one key fewer":     base[1:],
		"keys swapped":      append([]string{base[1], base[0]}, base[2:]...),
		"small mapping":     keys(3),
		"small and repeats": {"a", "b", "a"},
	}
	like := mappingOf(base)
	for name, ks := range cases {
		t.Run(name, func(t *testing.T) {
			shared := mappingOf(ks)
			shared.rare = nil
			shared.IndexKeysLike(like)
			fresh := mappingOf(ks)
			for _, k := range append(append([]string{}, ks...), base...) {
				if got, want := shared.EntryIndex(k), fresh.EntryIndex(k); got != want {
					t.Errorf("EntryIndex(%q) = %d, want %d", k, got, want)
				}
			}
			if got, want := shared.RepeatsKeys(), repeats(ks); got != want {
				t.Errorf("RepeatsKeys() = %v, want %v", got, want)
			}
		})
	}
}

func mappingOf(keys []string) *Node {
	n := NewMapping()
	for _, k := range keys {
		n.Pairs = append(n.Pairs, Pair{Key: NewString(strings.Clone(k)), Value: &Node{Kind: Scalar, tag: tagNull}})
	}
	n.IndexKeys()
	return n
}

func repeats(keys []string) bool {
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// TestNodeSize keeps a node in the 96-byte size class: a big document has
// hundreds of thousands of them, and one field more would move every node
// to the next class.
func TestNodeSize(t *testing.T) {
	if got := unsafe.Sizeof(Node{}); got > 96 {
		t.Errorf("a node is %d bytes, more than 96", got)
	}
}

// TestTags checks that a tag set on a node reads back, common or custom,
// and that a copy's own parts do not change the original's.
func TestTags(t *testing.T) {
	for _, tag := range append(commonTags[:], "!include", "tag:example.com,2026:x") {
		n := &Node{}
		n.SetTag(tag)
		if n.Tag() != tag {
			t.Errorf("SetTag(%q): Tag() = %q", tag, n.Tag())
		}
	}
	orig := &Node{Kind: Alias}
	orig.SetTag("!custom")
	target := NewString("x")
	orig.SetTarget(target)
	c := *orig
	c.SetTarget(NewString("y"))
	c.SetTag("!other")
	if orig.Target() != target || orig.Tag() != "!custom" {
		t.Errorf("writing a copy changed the original: target %v, tag %q", orig.Target(), orig.Tag())
	}
}
