package schemas

import (
	"encoding/json"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The validator walks the node graph with draft-07 semantics. It has two modes: a boolean one that
// stops at the first failure and allocates nothing, and a collecting one that records every failure,
// used only on subtrees the boolean mode found invalid. Where no branch of a oneOf/anyOf matches, the
// collecting mode keeps the errors of the branch that fits the instance best, so what is reported is
// about the object the author meant to write.

type errKind int

const (
	eFalse errKind = iota
	eType
	eConst
	eEnum
	eFormat
	eRequired
	eAdditional
	eMinProps
	eMaxProps
	eDependency
	ePropertyName
	eMinItems
	eMaxItems
	eUnique
	eAdditionalItems
	eContains
	eMinLength
	eMaxLength
	ePattern
	eMinimum
	eMaximum
	eExclMin
	eExclMax
	eMultipleOf
	eNot
	eOneOfMulti
	eNoMatch // no oneOf/anyOf branch matches, and the best one gave no reason (should not happen)
)

// verr is one failed assertion.
type verr struct {
	kind errKind
	path []string // instance location
	n    *node    // the schema whose keyword failed
	keys []string // eRequired, eDependency: missing keys; eAdditional: unknown keys
	want typeMask // eType
	lim  int      // length / count limits
	rat  *big.Rat // numeric limits
	dup  [2]int   // eUnique: indexes of two equal items
	prop string   // eDependency: the property that needs others; ePropertyName: the name
	// ePropertyName: why the name fails the propertyNames schema
	cause *verr
}

type checker struct {
	collect bool
	path    []string
	errs    []*verr
}

// fail records that a check failed and tells whether to go on and report it (collecting mode).
func (c *checker) fail(ok *bool) bool {
	*ok = false
	return c.collect
}

func (c *checker) report(e *verr) {
	e.path = append([]string(nil), c.path...)
	c.errs = append(c.errs, e)
}

// valid checks v against n in boolean mode, whatever the current mode.
func (c *checker) valid(n *node, v any) bool {
	saved := c.collect
	c.collect = false
	ok := c.check(n, v)
	c.collect = saved
	return ok
}

// checkAt checks a member of the current value, tok naming it in the instance path.
func (c *checker) checkAt(n *node, v any, tok string) bool {
	if !c.collect {
		return c.check(n, v)
	}
	c.path = append(c.path, tok)
	ok := c.check(n, v)
	c.path = c.path[:len(c.path)-1]
	return ok
}

func (c *checker) check(n *node, v any) bool {
	if _, ok := v.(hole); ok {
		return true // validated on its own (ValidateAt)
	}
	if n.boolean != nil {
		if *n.boolean {
			return true
		}
		if c.collect {
			c.report(&verr{kind: eFalse, n: n})
		}
		return false
	}
	if n.ref != nil {
		return c.check(n.ref, v)
	}
	t := typeOf(v)
	if n.types != 0 && !hasType(n.types, t, v) {
		if c.collect {
			c.report(&verr{kind: eType, n: n, want: n.types})
		}
		return false
	}
	if n.konst != nil && !equal(v, *n.konst) {
		if c.collect {
			c.report(&verr{kind: eConst, n: n})
		}
		return false
	}
	if n.enum != nil && !inEnum(v, n.enum) {
		if c.collect {
			c.report(&verr{kind: eEnum, n: n})
		}
		return false
	}
	if n.format != nil {
		if n.format.Validate(v) != nil {
			if c.collect {
				c.report(&verr{kind: eFormat, n: n})
			}
			return false
		}
	}
	ok := true
	switch x := v.(type) {
	case map[string]any:
		ok = c.object(n, x)
	case []any:
		ok = c.array(n, x)
	case string:
		ok = c.str(n, x)
	default:
		if t == tNumber {
			ok = c.number(n, v)
		}
	}
	if !ok && !c.collect {
		return false
	}
	return c.applicators(n, v) && ok
}

func (c *checker) object(n *node, m map[string]any) bool {
	ok := true
	if n.minProps >= 0 && len(m) < n.minProps {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eMinProps, n: n, lim: n.minProps})
	}
	if n.maxProps >= 0 && len(m) > n.maxProps {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eMaxProps, n: n, lim: n.maxProps})
	}
	if !c.collect && !hasAll(m, n.required) {
		return false
	}
	if missing := missingKeys(m, n.required); missing != nil {
		ok = false
		c.report(&verr{kind: eRequired, n: n, keys: missing})
	}
	for k, dep := range n.deps {
		if _, has := m[k]; !has {
			continue
		}
		switch d := dep.(type) {
		case []string:
			if !c.collect && !hasAll(m, d) {
				return false
			}
			if missing := missingKeys(m, d); missing != nil {
				ok = false
				c.report(&verr{kind: eDependency, n: n, keys: missing, prop: k})
			}
		case *node:
			if !c.check(d, m) {
				ok = false
				if !c.collect {
					return false
				}
			}
		}
	}
	if n.props == nil && n.patterns == nil && n.addl == nil && !n.addlFalse && n.propNames == nil {
		return ok
	}
	var unknown []string
	for k, val := range m {
		matched := false
		if p, has := n.props[k]; has {
			matched = true
			if !c.checkAt(p, val, k) {
				if !c.collect {
					return false
				}
				ok = false
			}
		}
		for _, p := range n.patterns {
			if p.match(k) {
				matched = true
				if !c.checkAt(p.n, val, k) {
					if !c.collect {
						return false
					}
					ok = false
				}
			}
		}
		if !matched {
			if n.addl != nil {
				if !c.checkAt(n.addl, val, k) {
					if !c.collect {
						return false
					}
					ok = false
				}
			} else if n.addlFalse {
				if !c.collect {
					return false
				}
				unknown = append(unknown, k)
			}
		}
		if n.propNames != nil && !c.valid(n.propNames, k) {
			if !c.fail(&ok) {
				return false
			}
			// Why the name is wrong: the errors of checking it as a value, kept as the first cause.
			saved := c.errs
			c.errs = nil
			c.check(n.propNames, k)
			e := &verr{kind: ePropertyName, n: n, prop: k}
			if len(c.errs) > 0 {
				e.cause = c.errs[0]
			}
			c.errs = saved
			c.report(e)
		}
	}
	if unknown != nil {
		sort.Strings(unknown)
		if c.fail(&ok) {
			c.report(&verr{kind: eAdditional, n: n, keys: unknown})
		}
	}
	return ok
}

func hasAll(m map[string]any, keys []string) bool {
	for _, k := range keys {
		if _, has := m[k]; !has {
			return false
		}
	}
	return true
}

func missingKeys(m map[string]any, keys []string) []string {
	var missing []string
	for _, k := range keys {
		if _, has := m[k]; !has {
			missing = append(missing, k)
		}
	}
	return missing
}

func (c *checker) array(n *node, a []any) bool {
	ok := true
	if n.minItems >= 0 && len(a) < n.minItems {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eMinItems, n: n, lim: n.minItems})
	}
	if n.maxItems >= 0 && len(a) > n.maxItems {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eMaxItems, n: n, lim: n.maxItems})
	}
	if n.unique {
		if i, j := duplicate(a); i >= 0 {
			if !c.fail(&ok) {
				return false
			}
			c.report(&verr{kind: eUnique, n: n, dup: [2]int{i, j}})
		}
	}
	checkItem := func(s *node, i int) bool {
		tok := ""
		if c.collect {
			tok = strconv.Itoa(i)
		}
		if !c.checkAt(s, a[i], tok) {
			ok = false
			return c.collect
		}
		return true
	}
	if n.items != nil {
		for i := range a {
			if !checkItem(n.items, i) {
				return false
			}
		}
	} else if n.tuple != nil {
		for i := range a {
			switch {
			case i < len(n.tuple):
				if !checkItem(n.tuple[i], i) {
					return false
				}
				continue
			case n.addlItems != nil:
				if !checkItem(n.addlItems, i) {
					return false
				}
				continue
			case n.addlItemsFalse:
				if !c.fail(&ok) {
					return false
				}
				c.report(&verr{kind: eAdditionalItems, n: n, lim: len(n.tuple)})
			}
			break
		}
	}
	if n.contains != nil {
		found := false
		for _, item := range a {
			if c.valid(n.contains, item) {
				found = true
				break
			}
		}
		if !found {
			if !c.fail(&ok) {
				return false
			}
			c.report(&verr{kind: eContains, n: n})
		}
	}
	return ok
}

func (c *checker) str(n *node, s string) bool {
	ok := true
	if n.minLen >= 0 || n.maxLen >= 0 {
		l := utf8.RuneCountInString(s)
		if n.minLen >= 0 && l < n.minLen {
			if !c.fail(&ok) {
				return false
			}
			c.report(&verr{kind: eMinLength, n: n, lim: n.minLen})
		}
		if n.maxLen >= 0 && l > n.maxLen {
			if !c.fail(&ok) {
				return false
			}
			c.report(&verr{kind: eMaxLength, n: n, lim: n.maxLen})
		}
	}
	if n.pattern != nil && !n.pattern.MatchString(s) {
		if c.fail(&ok) {
			c.report(&verr{kind: ePattern, n: n})
		}
	}
	return ok
}

func (c *checker) number(n *node, v any) bool {
	if n.minimum == nil && n.maximum == nil && n.exclMin == nil && n.exclMax == nil && n.multipleOf == nil {
		return true
	}
	var r *big.Rat // v as a fraction, made only when a small integer does not settle it
	cmp := func(lim *big.Rat) int {
		if i, ok := smallInt(v); ok && lim.IsInt() && lim.Num().IsInt64() {
			l := lim.Num().Int64()
			switch {
			case i < l:
				return -1
			case i > l:
				return 1
			}
			return 0
		}
		if r == nil {
			r = toRat(v)
		}
		if r == nil {
			return 0
		}
		return r.Cmp(lim)
	}
	ok := true
	if n.minimum != nil && cmp(n.minimum) < 0 {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eMinimum, n: n, rat: n.minimum})
	}
	if n.maximum != nil && cmp(n.maximum) > 0 {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eMaximum, n: n, rat: n.maximum})
	}
	if n.exclMin != nil && cmp(n.exclMin) <= 0 {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eExclMin, n: n, rat: n.exclMin})
	}
	if n.exclMax != nil && cmp(n.exclMax) >= 0 {
		if !c.fail(&ok) {
			return false
		}
		c.report(&verr{kind: eExclMax, n: n, rat: n.exclMax})
	}
	if n.multipleOf != nil && n.multipleOf.Sign() != 0 {
		if r == nil {
			r = toRat(v)
		}
		if r != nil && !new(big.Rat).Quo(r, n.multipleOf).IsInt() {
			if c.fail(&ok) {
				c.report(&verr{kind: eMultipleOf, n: n, rat: n.multipleOf})
			}
		}
	}
	return ok
}

// smallInt reads an integer written without fraction or exponent.
func smallInt(v any) (int64, bool) {
	switch x := v.(type) {
	case json.Number:
		if len(x) > 18 || strings.ContainsAny(string(x), ".eE") {
			return 0, false
		}
		i, err := strconv.ParseInt(string(x), 10, 64)
		return i, err == nil
	case int:
		return int64(x), true
	case int64:
		return x, true
	}
	return 0, false
}

func (c *checker) applicators(n *node, v any) bool {
	ok := true
	for _, a := range n.allOf {
		if !c.check(a, v) {
			if !c.collect {
				return false
			}
			ok = false
		}
	}
	if n.anyOf != nil {
		matched := false
		for _, b := range n.anyOf {
			if c.valid(b, v) {
				matched = true
				break
			}
		}
		if !matched {
			if !c.collect {
				return false
			}
			ok = false
			c.reportBest(n, n.anyOf, v)
		}
	}
	if n.oneOf != nil {
		var matches [2]int
		count := 0
		for i, b := range n.oneOf {
			if c.valid(b, v) {
				if count < 2 {
					matches[count] = i
				}
				count++
				if count == 2 {
					break
				}
			}
		}
		switch {
		case count == 1:
		case count > 1 && hasRefKey(v):
			// A Reference Object also fits a branch that does not forbid "$ref": the reference is
			// what counts, its target is checked where it is defined.
		case count > 1:
			if !c.collect {
				return false
			}
			ok = false
			c.report(&verr{kind: eOneOfMulti, n: n, dup: matches})
		default:
			if !c.collect {
				return false
			}
			ok = false
			c.reportBest(n, n.oneOf, v)
		}
	}
	if n.not != nil && c.valid(n.not, v) {
		if !c.collect {
			return false
		}
		ok = false
		c.report(&verr{kind: eNot, n: n})
	}
	if n.ifN != nil {
		next := n.elseN
		if c.valid(n.ifN, v) {
			next = n.thenN
		}
		if next != nil && !c.check(next, v) {
			if !c.collect {
				return false
			}
			ok = false
		}
	}
	return ok
}

func hasRefKey(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, has := m["$ref"]
	return has
}

// reportBest reports why v matches none of branches, from the branch that fits v best.
func (c *checker) reportBest(parent *node, branches []*node, v any) {
	cands := fittingBranches(branches, v)
	if len(cands) == 0 {
		// No branch accepts this type of value: one error listing the types that are allowed.
		var want typeMask
		for _, b := range branches {
			want |= b.flat.types
		}
		at := parent
		if allRefs(branches) {
			at = branches[0]
		}
		c.report(&verr{kind: eType, n: at, want: want})
		return
	}
	var best []*verr
	bestScore, bestIdx := 0, -1
	saved := c.errs
	for _, i := range cands {
		c.errs = nil
		c.check(branches[i], v)
		errs := c.errs
		score := fitScore(branches[i], v)
		if bestIdx < 0 || score > bestScore || (score == bestScore && len(errs) < len(best)) {
			best, bestScore, bestIdx = errs, score, i
		}
	}
	if len(best) == 0 {
		best = []*verr{{kind: eNoMatch, n: parent, path: append([]string(nil), c.path...)}}
	}
	c.errs = append(saved, best...)
}

func allRefs(branches []*node) bool {
	for _, b := range branches {
		if !b.flat.isRef {
			return false
		}
	}
	return true
}

// fittingBranches returns the indexes of the branches that accept the type of v and, for an object,
// agree with it on being a reference or not (a Reference Object branch for an object without "$ref"
// is kept only when every branch is one).
func fittingBranches(branches []*node, v any) []int {
	t := typeOf(v)
	var typed []int
	for i, b := range branches {
		if b.flat.types == 0 || hasType(b.flat.types, t, v) {
			typed = append(typed, i)
		}
	}
	if t != tObject {
		return typed
	}
	var out []int
	ref := hasRefKey(v)
	for _, i := range typed {
		if branches[i].flat.isRef == ref {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return typed
	}
	return out
}

// fitScore rates how well object v fits a branch: a value it discriminates on (a property with a
// const or enum) weighs most, then keys the branch knows, keys it forbids and keys it misses. A branch
// that is itself a choice (oneOf/anyOf) scores as its best alternative.
func fitScore(b *node, v any) int { return fitScoreDepth(b, v, 0) }

func fitScoreDepth(b *node, v any, depth int) int {
	m, ok := v.(map[string]any)
	if !ok {
		return 0
	}
	score := 0
	if b.flat.isRef && hasRefKey(v) {
		score += 1000
	}
	for _, mem := range b.flat.members {
		for k, val := range m {
			p, has := mem.props[k]
			if !has {
				if mem.addlFalse && !mem.allows(k) {
					score--
				}
				continue
			}
			score++
			if vals, isDisc := discriminator(p); isDisc {
				if inEnum(val, vals) {
					score += 100
				} else {
					score -= 100
				}
			}
		}
		if depth < 4 {
			for _, alts := range [][]*node{mem.oneOf, mem.anyOf} {
				best, found := 0, false
				for _, a := range alts {
					if s := fitScoreDepth(a, v, depth+1); !found || s > best {
						best, found = s, true
					}
				}
				score += best
			}
		}
	}
	for _, r := range b.flat.required {
		if _, has := m[r]; !has {
			score--
		}
	}
	return score
}

// discriminator returns the values a property schema allows when it is restricted by const or enum.
func discriminator(p *node) ([]any, bool) {
	for _, mem := range p.flat.members {
		if mem.konst != nil {
			return []any{*mem.konst}, true
		}
		if mem.enum != nil {
			return mem.enum, true
		}
	}
	return nil, false
}

// --- JSON values

func typeOf(v any) typeMask {
	switch v.(type) {
	case nil:
		return tNull
	case bool:
		return tBoolean
	case string:
		return tString
	case map[string]any:
		return tObject
	case []any:
		return tArray
	case json.Number, float64, float32, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return tNumber
	}
	return 0
}

func hasType(mask, t typeMask, v any) bool {
	if mask&t != 0 {
		return true
	}
	return t == tNumber && mask&tInteger != 0 && isInteger(v)
}

func isInteger(v any) bool {
	switch x := v.(type) {
	case json.Number:
		s := string(x)
		if !strings.ContainsAny(s, ".eE") {
			return true
		}
		r := toRat(x)
		return r != nil && r.IsInt()
	case float64:
		return x == math.Trunc(x) && !math.IsInf(x, 0)
	case float32:
		return float64(x) == math.Trunc(float64(x))
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	}
	return false
}

func toRat(v any) *big.Rat {
	switch x := v.(type) {
	case json.Number:
		if r, ok := new(big.Rat).SetString(string(x)); ok {
			return r
		}
	case float64:
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			return new(big.Rat).SetFloat64(x)
		}
	case float32:
		return toRat(float64(x))
	case int:
		return new(big.Rat).SetInt64(int64(x))
	case int8:
		return new(big.Rat).SetInt64(int64(x))
	case int16:
		return new(big.Rat).SetInt64(int64(x))
	case int32:
		return new(big.Rat).SetInt64(int64(x))
	case int64:
		return new(big.Rat).SetInt64(x)
	case uint:
		return new(big.Rat).SetUint64(uint64(x))
	case uint8:
		return new(big.Rat).SetUint64(uint64(x))
	case uint16:
		return new(big.Rat).SetUint64(uint64(x))
	case uint32:
		return new(big.Rat).SetUint64(uint64(x))
	case uint64:
		return new(big.Rat).SetUint64(x)
	}
	return nil
}

// equal is JSON equality: numbers compare by value (1 == 1.0), objects and arrays deeply.
func equal(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, has := y[k]
			if !has || !equal(xv, yv) {
				return false
			}
		}
		return true
	}
	if typeOf(a) != tNumber || typeOf(b) != tNumber {
		return false
	}
	if x, ok := a.(json.Number); ok {
		if y, ok := b.(json.Number); ok && x == y {
			return true
		}
	}
	ra, rb := toRat(a), toRat(b)
	return ra != nil && rb != nil && ra.Cmp(rb) == 0
}

func inEnum(v any, values []any) bool {
	for _, e := range values {
		if equal(v, e) {
			return true
		}
	}
	return false
}

// duplicate returns the indexes of the first two equal items, or -1, -1.
func duplicate(a []any) (int, int) {
	if len(a) > 16 {
		strs := true
		for _, x := range a {
			if _, ok := x.(string); !ok {
				strs = false
				break
			}
		}
		if strs {
			seen := make(map[string]int, len(a))
			for j, x := range a {
				if i, ok := seen[x.(string)]; ok {
					return i, j
				}
				seen[x.(string)] = j
			}
			return -1, -1
		}
	}
	for j := 1; j < len(a); j++ {
		for i := 0; i < j; i++ {
			if equal(a[i], a[j]) {
				return i, j
			}
		}
	}
	return -1, -1
}

func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
