//go:build race

package incremental

// defaultEdits under the race detector, which makes each edit several times
// slower: a short random sequence checks for races, the long one runs
// without it (.ci/run runs both).
const defaultEdits = 20
