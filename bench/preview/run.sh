#!/usr/bin/env bash
# The documentation page of asyncapi-ls against the official one, in the same
# run: `asyncapi-ls docs` and the AsyncAPI generator with the html template
# (@asyncapi/generator 2.8.4 + @asyncapi/html-template 3.5.6, pinned in this
# folder's package-lock.json) render the same generated 3.0 documents; the
# table gives wall time (median), peak memory, page size, and the channels,
# operations and messages each page shows.
#
#   (cd bench/preview && PUPPETEER_SKIP_DOWNLOAD=1 npm ci)   # once
#   bash bench/preview/run.sh [CHANNELS...]                    # default: 100 1000
#
# Results: bench/out/preview/ (ignored by git); the table is also printed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out/preview"
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
[ -d "$here/node_modules/@asyncapi/generator" ] || { echo "run: (cd bench/preview && PUPPETEER_SKIP_DOWNLOAD=1 npm ci)" >&2; exit 2; }

cd "$root"
go build -o "$out/asyncapi-ls" ./cmd/asyncapi-ls
go build -o "$out/cmdbench" ./bench/cmd/cmdbench
for n in "${sizes[@]}"; do
  doc="$out/asyncapi-3.0.0-$n.yaml"
  go run ./bench/cmd/gen -version 3.0.0 -channels "$n" -o "$doc"
  echo "== $n channels: asyncapi-ls docs"
  "$out/cmdbench" -name "asyncapi-ls docs" -doc "$doc" -n 5 -json "$out/ours-$n.json" -- \
    "$out/asyncapi-ls" docs -o "$out/ours-$n.html" "$doc"
  echo "== $n channels: @asyncapi/generator + @asyncapi/html-template (slow)"
  mkdir -p "$out/official-$n"
  "$out/cmdbench" -name "official html-template" -doc "$doc" -n 1 -warmup 0 -timeout 60m -json "$out/official-$n.json" -- \
    node --max-old-space-size=8192 "$here/official.cjs" "$doc" "$out/official-$n"
done
node "$here/report.cjs" "$out" "${sizes[@]}" | tee "$out/report.md"
