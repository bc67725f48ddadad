// Package conformance compares asyncapi-ls with the official AsyncAPI
// parser (@asyncapi/parser), document by document: the Go test reads the
// verdicts precomputed in ../shared/corpus/official-verdicts.jsonl, and
// run.sh computes fresh ones with a pinned parser installed here by npm.
// It holds tests and scripts only; nothing imports it.
package conformance
