#!/bin/sh
# Conformance of `asyncapi-ls convert` with the official converter
# (@asyncapi/converter, pinned in convert/package.json with the official
# parser and the schema parsers the AsyncAPI CLI registers; installed there
# by npm).
#
#   conformance/convert.sh [--big] [--full] [--record|--no-cache] [FOLDER...]
#
# Without folders: ../shared/corpus/official and, when ASYNCAPI_LS_REALWORLD
# names a folder, that one. Every 2.x document is converted by us; the
# comparison (convert/compare.mjs) checks that the official parser accepts
# our output and that it equals the official converter's, every difference
# being listed with its reason in convert/known.tsv. Prints the agreement
# figures and both tools' time; exits 1 on an unlisted difference. --big
# also times both on the generated 1,000-channel 2.6 document of the
# benchmarks (a whole process each, start-up included: the median of three;
# and the official converter's convert call alone). --full also asks the
# parser about every input and the official converter's output, for the
# figures of a report (slower). The parser's answers come from
# convert/parser-record.jsonl when it has them (see cache.mjs): --record
# adds the new ones, --no-cache asks the parser about everything (and so
# gives its time).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
big=false
full=""
record=""
for arg in "$@"; do
  shift
  case $arg in
    --big) big=true ;;
    --full) full=--full ;;
    --record|--no-cache) record=$arg ;;
    *) set -- "$@" "$(cd "$arg" && pwd)" ;;
  esac
done
cd "$here/convert"
for pkg in converter parser avro-schema-parser openapi-schema-parser raml-dt-schema-parser protobuf-schema-parser; do
  [ -d "node_modules/@asyncapi/$pkg" ] || { npm ci --no-audit --no-fund >/dev/null; break; }
done
if [ $# -eq 0 ]; then
  [ -d "$root/../shared/corpus/official" ] && set -- "$root/../shared/corpus/official"
  [ -n "${ASYNCAPI_LS_REALWORLD:-}" ] && [ -d "$ASYNCAPI_LS_REALWORLD" ] && set -- "$@" "$(cd "$ASYNCAPI_LS_REALWORLD" && pwd)"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
go build -o "$scratch/asyncapi-ls" "$root/cmd/asyncapi-ls"
# cpu reads the user+system time, in ms, of the children waited for, from
# the output of times.
cpu() {
  sed -n 2p "$1" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }'
}
# median runs "$@" three times and prints the median wall time in ms and
# the mean processor time (user + system) in ms.
median() {
  walls=""
  times >"$scratch/times0"
  for run in 1 2 3; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    walls="$walls $(( (end - start) / 1000000 ))"
  done
  times >"$scratch/times1"
  echo "$(echo $walls | tr ' ' '\n' | sort -n | sed -n 2p) $(( ($(cpu "$scratch/times1") - $(cpu "$scratch/times0")) / 3 ))"
}
if $big; then
  doc="$scratch/asyncapi-2.6.0-1000.yaml"
  (cd "$root" && go run ./bench/cmd/gen -version 2.6.0 -channels 1000 -o "$doc")
  r=$(median "$scratch/asyncapi-ls" convert --no-check -o "$scratch/big-ours.yaml" "$doc")
  ours=${r% *} ourscpu=${r#* }
  r=$(median node bench.mjs --once "$doc")
  theirs=${r% *} theirscpu=${r#* }
  call=$(node bench.mjs "$doc")
  echo "1,000-channel 2.6 document ($(wc -c <"$doc") bytes), one process each, median of three: asyncapi-ls convert $ours ms wall ($ourscpu ms processor); official converter $theirs ms wall ($theirscpu ms processor; its convert call alone: $call); ratio $(awk "BEGIN { printf \"%.1f\", $theirs / $ours }")x wall, $(awk "BEGIN { printf \"%.1f\", $theirscpu / $ourscpu }")x processor"
fi
if [ $# -eq 0 ]; then
  echo "convert.sh: no corpus folder; nothing to compare"
  exit 0
fi
list="$scratch/list"
: >"$list"
n=0
start=$(date +%s%N)
for dir in "$@"; do
  for f in $(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -not -path '*/node_modules/*' | sort); do
    # 2.x documents only: an asyncapi key with a 2.x version.
    grep -Eq '^[{[:space:]]*["'"'"']?asyncapi["'"'"']?[[:space:]]*:[[:space:]]*["'"'"']?2\.[0-6]\.0' "$f" || continue
    n=$((n + 1))
    ext=${f##*.}
    out="$scratch/$n.$ext"
    if "$scratch/asyncapi-ls" convert --no-check -o "$out" "$f" 2>"$scratch/$n.err"; then :; else
      [ -s "$out" ] || out=""
    fi
    printf '%s\t%s\t%s\n' "$f" "$out" "$dir" >>"$list"
  done
done
end=$(date +%s%N)
ours=$(( (end - start) / 1000000 ))
node compare.mjs $full $record --known known.tsv --ours-ms "$ours" "$list"
