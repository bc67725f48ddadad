// Package audit measures completion and hover where real documents go, the
// way a demanding user tries them: a hover on every keyword (AsyncAPI
// fields, JSON Schema keywords, binding fields), completion of every "$ref"
// with its value blanked (the local target must be offered) or cut back to
// its folder (the file must be offered), definition of every "$ref",
// references of every named object, and the latency of each request kind.
// It drives any server binary over stdio, so the same run can compare two
// builds. bench/cmd/audit is its command line.
package audit
