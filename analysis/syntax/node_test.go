package syntax

import (
	"fmt"
	"strings"
	"testing"
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
			shared.keys, shared.keyed = nil, 0
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
	n := &Node{Kind: Mapping, Tag: "!!map"}
	for _, k := range keys {
		n.Pairs = append(n.Pairs, Pair{Key: &Node{Kind: Scalar, Tag: "!!str", Value: strings.Clone(k)}, Value: &Node{Kind: Scalar, Tag: "!!null"}})
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
