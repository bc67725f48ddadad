// Package gen owns the deterministic generator of synthetic AsyncAPI
// documents used by the benchmarks: single documents of a chosen version and
// channel count, and multi-file workspaces full of cross-file $refs.
//
// The same Options always give the same bytes, so timings taken on different
// days or machines are taken on identical input.
package gen
