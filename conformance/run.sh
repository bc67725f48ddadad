#!/bin/sh
# Conformance with the official AsyncAPI parser (pinned in package.json,
# installed here by npm). Usage: conformance/run.sh [FOLDER...]
# Without folders: the project's own test documents and, when present,
# ../shared/corpus/official. Prints agreement figures, disagreements and the
# time of both tools on the same files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$here"
[ -d node_modules/@asyncapi/parser ] || npm ci --no-audit --no-fund >/dev/null
go build -o "$here/.asyncapi-ls" "$root/cmd/asyncapi-ls"
if [ $# -eq 0 ]; then
  set -- "$root/examples" "$root/analysis/rules/testdata"
  [ -d "$root/../shared/corpus/official" ] && set -- "$@" "$root/../shared/corpus/official"
fi
status=0
for dir in "$@"; do
  echo "== $dir"
  files=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -not -path '*/node_modules/*' | sort)
  ours=$(mktemp)
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$here/.asyncapi-ls" check --format json $files >"$ours" 2>/dev/null || true
  end=$(date +%s%N)
  echo "asyncapi-ls: $(( (end - start) / 1000000 )) ms"
  # shellcheck disable=SC2086
  node compare.mjs "$ours" $files || status=1
  rm -f "$ours"
done
exit $status
