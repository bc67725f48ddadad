#!/usr/bin/env bash
# Runs the comparison on this machine: generates the documents, drives our
# asyncapi-ls and yaml-language-server over LSP on the same documents in the
# same run, times `asyncapi-ls check` against the official parser and
# `vacuum lint` on the same files, and prints one table of ratios.
#
# Needs bench/peers.sh to have run once. Settings (environment):
#   BENCH_SIZES     channel counts to generate            (default "10 100 1000 4000")
#   BENCH_PEER_MAX  largest size the peers are run on     (default 1000: the
#                   peers take minutes per request beyond)
#   BENCH_WORKSPACE files of the generated workspace      (default 1000; 0: none)
#   BENCH_VERSION   AsyncAPI version of the documents     (default 3.0.0)
#   BENCH_N         requests per request kind             (default 10)
#   BENCH_EDITS     single-character edits per document   (default 20)
#   BENCH_REST      after the edits, how long at most each server is left
#                   alone to finish what it defers to a pause in typing
#                   (default 60s; its memory counts in the session's peak)
#   BENCH_CLI_RUNS  timed runs per CLI checker            (default 5)
#   OURS_BIN        asyncapi-ls binary to measure (default: built from this tree)
#   OURS_SERVER     command that starts our server on stdio
#                   (default: OURS_BIN, no arguments)
#   BENCH_OUT       output folder                         (default bench/out)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="${BENCH_OUT:-$here/out}"
docs="$out/docs" res="$out/results" bin="$out/bin"
peers="$here/peers"
sizes="${BENCH_SIZES:-10 100 1000 4000}"
peer_max="${BENCH_PEER_MAX:-1000}"
ws_files="${BENCH_WORKSPACE:-1000}"
version="${BENCH_VERSION:-3.0.0}"
n="${BENCH_N:-10}"
edits="${BENCH_EDITS:-20}"
rest="${BENCH_REST:-60s}"
cli_runs="${BENCH_CLI_RUNS:-5}"

cd "$repo"
rm -rf "$res"
mkdir -p "$docs" "$res" "$bin"

echo "== build"
go build -o "$bin/gen" ./bench/cmd/gen &&
  go build -o "$bin/lspbench" ./bench/lspbench &&
  go build -o "$bin/cmdbench" ./bench/cmd/cmdbench &&
  go build -o "$bin/yamlparse" ./bench/cmd/yamlparse &&
  go build -o "$bin/report" ./bench/cmd/report || exit 1
have_ours=1
ours_bin="${OURS_BIN:-$bin/asyncapi-ls}"
if [ -z "${OURS_BIN:-}" ] && ! go build -o "$bin/asyncapi-ls" ./cmd/asyncapi-ls; then
  echo "asyncapi-ls does not build: its columns will show '-'" >&2
  have_ours=0
fi
ours_server="${OURS_SERVER:-$ours_bin}"
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
if [ "$ws_files" -gt 0 ]; then
  rm -rf "$docs/workspace"
  "$bin/gen" -workspace -files "$ws_files" -refs $((ws_files * 25)) -o "$docs/workspace" || exit 1
  # The shared file: renaming one of its schemas edits files all over.
  ws_doc="$docs/workspace/common/shared.yaml"
fi

echo "== LSP"
for size in $sizes; do
  doc="$docs/$size/asyncapi-$version-$size.yaml"
  common=(-doc "$doc" -n "$n" -edits "$edits" -rest "$rest" -schema-dir "$peers/node_modules/@asyncapi/specs/schemas")
  if [ "$have_ours" = 1 ]; then
    "$bin/lspbench" -server "$ours_server" -name asyncapi-ls "${common[@]}" \
      -json "$res/lsp-asyncapi-ls-$size.json" -server-log "$res/asyncapi-ls-$size.stderr"
  fi
  if [ "$size" -le "$peer_max" ]; then
    "$bin/lspbench" -server "$yamlls" -name yaml-language-server "${common[@]}" \
      -json "$res/lsp-yaml-language-server-$size.json" -server-log "$res/yaml-language-server-$size.stderr"
  fi
  # The reference for open -> first diagnostics: one bare parse of the same bytes.
  "$bin/yamlparse" -doc "$doc" -n "$cli_runs" -json "$res/parse-$size.json"
done
if [ "$ws_files" -gt 0 ] && [ "$have_ours" = 1 ]; then
  echo "== workspace ($ws_files files)"
  "$bin/lspbench" -server "$ours_server" -name asyncapi-ls -workspace -root "$docs/workspace" -doc "$ws_doc" \
    -n "$n" -edits "$edits" -rest "$rest" -json "$res/lsp-asyncapi-ls-workspace.json" -server-log "$res/asyncapi-ls-workspace.stderr"
fi

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
    cli "$doc" "$size" "asyncapi-ls check" "$ours_bin" check "$doc"
  fi
  [ "$size" -le "$peer_max" ] || continue
  cli "$doc" "$size" "@asyncapi/parser" node "$here/tools/official-parser.cjs" "$doc"
  if [ -x "$peers/bin/vacuum" ]; then
    cli "$doc" "$size" "vacuum lint" "$peers/bin/vacuum" lint -b -q --no-update-check "$doc"
  fi
done

echo "== report"
"$bin/report" -ours asyncapi-ls "$res" | tee "$out/report.txt"
