//go:build !race

package incremental

// defaultEdits is the length of the equivalence tests' random sequences
// (see race_test.go).
const defaultEdits = 500
