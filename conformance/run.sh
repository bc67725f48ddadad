#!/bin/sh
# Conformance with the official AsyncAPI parser (pinned in package.json with
# the Avro, OpenAPI, RAML and Protobuf schema parsers, installed here by npm).
#
#   conformance/run.sh [--time] [--big] [--unlocated] [--record] [FOLDER...]
#
# Without folders: the project's own test documents, ../shared/corpus/official
# when present, and the real-world corpus when ASYNCAPI_LS_REALWORLD names a
# folder that exists (tests and this script skip it otherwise). --big adds
# the generated 1,000-channel 3.0 document of the benchmarks; --unlocated
# lists every parser error none of ours is within. For each folder:
# agreement figures and every disagreement; at the end, one table of the
# figures of every folder. Exits 1 on a disagreement that is not documented
# (see compare.mjs).
#
# The parser's answers come from parser-record.jsonl when it holds them
# (keyed by the document, the files it refers to and the pinned packages;
# see cache.mjs), so a run asks the parser only about what changed;
# --record adds the new answers to it. --time asks the parser about
# everything and times both tools on the same files: ours is the median of
# three whole `check` runs, start-up included; the parser's is given twice,
# for its parse calls only and for its whole process.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
big=false
unlocated=
timed=false
record=
# Folders are given relative to where the script was called from.
for arg in "$@"; do
  shift
  case $arg in
    --big) big=true ;;
    --unlocated) unlocated=--unlocated ;;
    --time) timed=true ;;
    --record) record=--record ;;
    *) set -- "$@" "$(cd "$arg" && pwd)" ;;
  esac
done
cd "$here"
for pkg in parser avro-schema-parser openapi-schema-parser raml-dt-schema-parser protobuf-schema-parser; do
  [ -d "node_modules/@asyncapi/$pkg" ] || { npm ci --no-audit --no-fund >/dev/null; break; }
done
go build -o "$here/.asyncapi-ls" "$root/cmd/asyncapi-ls"
if [ $# -eq 0 ]; then
  set -- "$root/examples" "$root/analysis/rules/testdata" "$root/server/testdata/diagnostics"
  [ -d "$root/../shared/corpus/official" ] && set -- "$@" "$root/../shared/corpus/official"
  realworld=${ASYNCAPI_LS_REALWORLD:-}
  [ -n "$realworld" ] && [ -d "$realworld" ] && set -- "$@" "$(cd "$realworld" && pwd)"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if $big; then
  mkdir "$scratch/big"
  (cd "$root" && go run ./bench/cmd/gen -version 3.0.0 -channels 1000 -o "$scratch/big/asyncapi-3.0.0-1000.yaml")
  set -- "$@" "$scratch/big"
fi
status=0
for dir in "$@"; do
  echo "== $dir"
  files=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -not -path '*/node_modules/*' | sort)
  times=""
  for run in 1 2 3; do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "$here/.asyncapi-ls" check --format json $files >"$scratch/ours.json" 2>/dev/null || true
    end=$(date +%s%N)
    times="$times $(( (end - start) / 1000000 ))"
    $timed || break
  done
  printf '%s\t' "$(basename "$dir")" >>"$scratch/summary"
  if ! $timed; then
    # shellcheck disable=SC2086
    node compare.mjs --stricter stricter.tsv --summary "$scratch/summary" $unlocated $record "$scratch/ours.json" $files || status=1
    continue
  fi
  ms=$(echo $times | tr ' ' '\n' | sort -n | sed -n 2p)
  echo "asyncapi-ls: $ms ms (median of$times)"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  node compare.mjs --no-cache --stricter stricter.tsv --ours-ms "$ms" --summary "$scratch/summary" $unlocated "$scratch/ours.json" $files || status=1
  end=$(date +%s%N)
  # The same measure for both: one process over all the files, start-up
  # included (node's start and the parser's import here; the comparison
  # itself costs next to nothing).
  theirs=$(( (end - start) / 1000000 ))
  echo "official parser process: $theirs ms; asyncapi-ls process: $ms ms; ratio $(awk "BEGIN { printf \"%.1f\", $theirs / $ms }")x"
done
echo
awk -F '\t' 'BEGIN { printf "%-28s %9s  %-26s %-22s\n", "folder", "documents", "same verdict (+ listed)", "error locations" }
  { printf "%-28s %9d  %-26s %-22s\n", $1, $2, sprintf("%d (+%d) = %.1f%%", $3, $4, 100 * ($3 + $4) / ($2 ? $2 : 1)), sprintf("%d of %d = %.1f%%", $7, $6, 100 * $7 / ($6 ? $6 : 1)) }' "$scratch/summary"
exit $status
