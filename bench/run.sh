#!/usr/bin/env bash
# Runs the comparison on this machine: generates the documents, drives our
# asyncapi-ls and yaml-language-server over LSP on the same documents in the
# same run, times `asyncapi-ls check` against the official parser and
# `vacuum lint` on the same files, and prints one table of ratios.
#
# Needs bench/peers.sh to have run once. Settings (environment):
#   BENCH_SIZES     channel counts to generate            (default "100 1000")
#   BENCH_VERSION   AsyncAPI version of the documents     (default 3.0.0)
#   BENCH_N         requests per request kind             (default 10)
#   BENCH_EDITS     single-character edits per document   (default 20)
#   BENCH_CLI_RUNS  timed runs per CLI checker            (default 5)
#   OURS_SERVER     command that starts our server on stdio
#                   (default: the freshly built asyncapi-ls, no arguments)
#   BENCH_OUT       output folder                         (default bench/out)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="${BENCH_OUT:-$here/out}"
docs="$out/docs" res="$out/results" bin="$out/bin"
peers="$here/peers"
sizes="${BENCH_SIZES:-100 1000}"
version="${BENCH_VERSION:-3.0.0}"
n="${BENCH_N:-10}"
edits="${BENCH_EDITS:-20}"
cli_runs="${BENCH_CLI_RUNS:-5}"

cd "$repo"
rm -rf "$res"
mkdir -p "$docs" "$res" "$bin"

echo "== build"
go build -o "$bin/gen" ./bench/cmd/gen &&
  go build -o "$bin/lspbench" ./bench/lspbench &&
  go build -o "$bin/cmdbench" ./bench/cmd/cmdbench &&
  go build -o "$bin/report" ./bench/cmd/report || exit 1
have_ours=1
if ! go build -o "$bin/asyncapi-ls" ./cmd/asyncapi-ls; then
  echo "asyncapi-ls does not build: its columns will show '-'" >&2
  have_ours=0
fi
ours_server="${OURS_SERVER:-$bin/asyncapi-ls}"
yamlls="node $peers/node_modules/yaml-language-server/bin/yaml-language-server --stdio"
if [ ! -d "$peers/node_modules/yaml-language-server" ]; then
  echo "peers missing: run bench/peers.sh first" >&2
  exit 1
fi

echo "== generate"
for size in $sizes; do
  # One folder per document: a server indexes the folder it is opened in.
  mkdir -p "$docs/$size"
  "$bin/gen" -version "$version" -channels "$size" -o "$docs/$size/asyncapi-$version-$size.yaml" || exit 1
done

echo "== LSP"
for size in $sizes; do
  doc="$docs/$size/asyncapi-$version-$size.yaml"
  common=(-doc "$doc" -n "$n" -edits "$edits" -schema-dir "$peers/node_modules/@asyncapi/specs/schemas")
  if [ "$have_ours" = 1 ]; then
    "$bin/lspbench" -server "$ours_server" -name asyncapi-ls "${common[@]}" \
      -json "$res/lsp-asyncapi-ls-$size.json" -server-log "$res/asyncapi-ls-$size.stderr"
  fi
  "$bin/lspbench" -server "$yamlls" -name yaml-language-server "${common[@]}" \
    -json "$res/lsp-yaml-language-server-$size.json" -server-log "$res/yaml-language-server-$size.stderr"
done

echo "== CLI"
cli() { # doc size name command...
  local doc="$1" size="$2" name="$3"
  shift 3
  "$bin/cmdbench" -name "$name" -doc "$doc" -n "$cli_runs" \
    -json "$res/cli-${name//[^a-zA-Z0-9]/_}-$size.json" -- "$@"
}
for size in $sizes; do
  doc="$docs/$size/asyncapi-$version-$size.yaml"
  if [ "$have_ours" = 1 ]; then
    cli "$doc" "$size" "asyncapi-ls check" "$bin/asyncapi-ls" check "$doc"
  fi
  cli "$doc" "$size" "@asyncapi/parser" node "$here/tools/official-parser.cjs" "$doc"
  if [ -x "$peers/bin/vacuum" ]; then
    cli "$doc" "$size" "vacuum lint" "$peers/bin/vacuum" lint -b -q --no-update-check "$doc"
  fi
done

echo "== report"
"$bin/report" -ours asyncapi-ls "$res" | tee "$out/report.txt"
