package incremental

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// onEveryCore calls f with each index in [0, n), spread over the
// processors, and returns when all calls have: the parse, check and copy
// steps that a fresh or much-moved version needs for thousands of
// independent sections.
func onEveryCore(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
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
}
