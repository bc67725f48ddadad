package gen

// The generator builds an ordered tree and then prints it, so YAML and JSON
// come from one source and key order (hence output) is fixed.
//
// Values are: string, int, float64, bool, nil, block, []any and *object.

// object is a mapping that keeps insertion order.
type object struct {
	keys []string
	vals []any
}

// block is a multi-line string printed as a YAML literal block.
type block string

func obj() *object { return &object{} }

// set appends a key; it returns the receiver so calls chain.
func (o *object) set(key string, val any) *object {
	o.keys = append(o.keys, key)
	o.vals = append(o.vals, val)
	return o
}

// setIf appends the key only when cond holds.
func (o *object) setIf(cond bool, key string, val any) *object {
	if cond {
		o.set(key, val)
	}
	return o
}

// ref is a Reference Object.
func ref(target string) *object { return obj().set("$ref", target) }

// list builds a []any from arguments.
func list(items ...any) []any { return items }

// strs turns strings into a []any list.
func strs(items ...string) []any {
	out := make([]any, len(items))
	for i, s := range items {
		out[i] = s
	}
	return out
}
