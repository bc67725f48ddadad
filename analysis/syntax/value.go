package syntax

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrTooLarge reports that expanding aliases would exceed the value budget
// (a "billion laughs" document).
var ErrTooLarge = errors.New("the document expands to too many values through YAML aliases")

// MaxValues bounds how many values Data builds through aliases: a value
// written once in the text is not counted, each copy an alias makes is. A
// text is within the Limits, so the result stays within a few hundred MB.
const MaxValues = 1_000_000

// Data converts n into plain data: map[string]any, []any, string, bool, nil
// and json.Number. Aliases are expanded and merge keys (<<) applied, within a
// budget so that alias bombs cannot exhaust memory.
func (n *Node) Data() (any, error) {
	budget := MaxValues
	return n.value(&budget, 0, false)
}

// DataWithin is Data for a caller that converts several parts of one
// document: the parts share budget, so together they stay within what one
// conversion of the whole may build.
func (n *Node) DataWithin(budget *int) (any, error) {
	return n.value(budget, 0, false)
}

// value converts n; aliased is set below an alias, where every value built
// spends budget.
func (n *Node) value(budget *int, depth int, aliased bool) (any, error) {
	if n == nil {
		return nil, nil
	}
	if aliased {
		*budget--
	}
	if *budget < 0 || depth > 10_000 {
		return nil, ErrTooLarge
	}
	switch n.Kind {
	case Alias:
		if n.Target() == nil {
			return nil, nil
		}
		return n.Target().value(budget, depth+1, true)
	case Sequence:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			v, err := it.value(budget, depth+1, aliased)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case Mapping:
		out := make(map[string]any, len(n.Pairs))
		for _, p := range n.Pairs {
			if p.Key.tag == tagMerge {
				if err := merge(out, p.Value, budget, depth, aliased); err != nil {
					return nil, err
				}
				continue
			}
			v, err := p.Value.value(budget, depth+1, aliased)
			if err != nil {
				return nil, err
			}
			out[p.Key.keyText()] = v
		}
		return out, nil
	}
	return n.scalar(), nil
}

// merge applies a YAML merge key: entries already present win.
func merge(out map[string]any, src *Node, budget *int, depth int, aliased bool) error {
	// Merged values are copies, as through an alias: they spend budget too,
	// or "<<: [*a, *a, …]" chains would expand without limit.
	aliased = aliased || (src != nil && src.Kind == Alias)
	src = src.Resolve()
	var sources []*Node
	if src != nil && src.Kind == Sequence {
		sources = src.Items
	} else {
		sources = []*Node{src}
	}
	for _, s := range sources {
		v, err := s.value(budget, depth+1, aliased)
		if err != nil {
			return err
		}
		if m, ok := v.(map[string]any); ok {
			for k, val := range m {
				if _, exists := out[k]; !exists {
					out[k] = val
				}
			}
		}
	}
	return nil
}

// keyText is the map key a node stands for; complex keys get their source form.
func (n *Node) keyText() string {
	if r := n.Resolve(); r != nil && r.Kind == Scalar {
		return r.Value
	}
	return "?"
}

func (n *Node) scalar() any {
	switch n.Tag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return n.Value
		}
		return b
	case "!!int":
		s := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		if strings.HasPrefix(s, "0o") {
			if i, err := strconv.ParseInt(s[2:], 8, 64); err == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
		}
		return n.Value
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return n.Value
		}
		if isJSONNumber(n.Value) {
			return json.Number(n.Value)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return n.Value
}

func isJSONNumber(s string) bool {
	var v json.Number
	return json.Unmarshal([]byte(s), &v) == nil
}
