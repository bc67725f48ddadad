package incremental

import (
	"maps"
	"slices"
)

// atPath keeps one value per AsyncAPI version and parent path. Nearly every
// section is only ever read at one path, which a slot holds: finding it
// compares the path and builds no key (a run reads every section).
type atPath[T any] struct {
	version string
	parent  []string
	value   T
	full    bool
	more    map[string]T // the other paths, by version and path
}

func (c *atPath[T]) get(version string, parent []string) (T, bool) {
	if c.full && c.version == version && slices.Equal(c.parent, parent) {
		return c.value, true
	}
	v, ok := c.more[version+"\x00"+joinPath(parent)]
	return v, ok
}

func (c *atPath[T]) put(version string, parent []string, v T) {
	if !c.full || c.version == version && slices.Equal(c.parent, parent) {
		c.version, c.parent, c.value, c.full = version, slices.Clone(parent), v, true
		return
	}
	if c.more == nil {
		c.more = map[string]T{}
	}
	c.more[version+"\x00"+joinPath(parent)] = v
}

// each calls f with every value kept.
func (c *atPath[T]) each(f func(T)) {
	if c.full {
		f(c.value)
	}
	for _, v := range c.more {
		f(v)
	}
}

// mapped is c with f applied to every value.
func (c *atPath[T]) mapped(f func(T) T) atPath[T] {
	out := atPath[T]{version: c.version, parent: c.parent, full: c.full}
	if c.full {
		out.value = f(c.value)
	}
	if c.more != nil {
		out.more = maps.Clone(c.more)
		for k, v := range out.more {
			out.more[k] = f(v)
		}
	}
	return out
}
