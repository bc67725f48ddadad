#!/usr/bin/env bash
# Runs every fuzz target for a short, bounded time (FUZZTIME, default 10s
# each; about a minute and a half in all, builds included). A failure leaves
# the failing input under the package's testdata/fuzz/<Target>/: commit it as
# a seed together with the fix. Invoked by .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-10s}"
targets=(
  "./analysis/syntax FuzzParse"
  "./analysis/syntax FuzzBlockReader"
  "./analysis FuzzAnalyze"
  "./analysis/model FuzzBuild"
  "./server FuzzStream"
  "./server FuzzServe"
  "./server FuzzFeatures"
  "./server FuzzIncrementalEdits"
  "./convert FuzzConvert"
  "./preview FuzzMarkdown"
  "./preview FuzzMarkupEscapes"
  "./preview FuzzPage"
)
status=0
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  log="$(mktemp)"
  # -fuzzminimizetime 0: spend the time on new inputs, not on shrinking them.
  if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime 0s "$pkg" >"$log" 2>&1; then
    execs="$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
    echo "fuzz ${name}: ok, ${execs:-?} executions in ${fuzztime}"
  else
    echo "fuzz ${name}: FAILED"
    cat "$log"
    status=1
  fi
  rm -f "$log"
done
exit "$status"
