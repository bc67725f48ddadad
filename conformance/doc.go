// Package conformance compares asyncapi-ls with the official AsyncAPI
// parser (@asyncapi/parser), document by document: the Go test reads the
// verdicts precomputed in ../shared/corpus/official-verdicts.jsonl, and
// run.sh (run by CI) computes fresh ones with a pinned parser installed here
// by npm, on the project's test documents and the corpus, and times both
// tools. stricter.tsv lists the corpus documents we reject on purpose; both
// read it. It holds tests and scripts only; nothing imports it.
package conformance
