package incremental

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// onEveryCore calls f with each index in [0, n), spread over the
// processors, and returns when all calls have: the parse, check and copy
// steps that a fresh or much-moved version needs for thousands of
// independent sections. A panic in f is raised again in the caller once
// the others are done, where the server's recovery sees it (a panic left
// in a worker would end the process).
func onEveryCore(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed sync.Once
	var panicked any
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					failed.Do(func() { panicked = r })
					next.Store(int64(n)) // the others stop at their next index
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}

// bySection gathers the work of a step spread with onEveryCore: each
// section once, with the parent paths it is asked at (a section with the
// same text at several places is one section, and its caches are its
// own, so one goroutine does all its paths).
type bySection struct {
	tasks []sectionPaths
	index map[*section]int
}

type sectionPaths struct {
	sec   *section
	paths [][]string
}

func (b *bySection) add(sec *section, path []string) {
	if b.index == nil {
		b.index = map[*section]int{}
	}
	i, ok := b.index[sec]
	if !ok {
		i = len(b.tasks)
		b.index[sec] = i
		b.tasks = append(b.tasks, sectionPaths{sec: sec})
	}
	if t := &b.tasks[i]; len(t.paths) == 0 || !slices.Equal(t.paths[len(t.paths)-1], path) {
		t.paths = append(t.paths, slices.Clone(path))
	}
}
