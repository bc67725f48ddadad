#!/usr/bin/env bash
# Conformance of asyncapi-ls's Spectral ruleset support with Spectral itself
# (@stoplight/spectral-cli pinned in conformance/spectral/package.json,
# installed there by npm).
#
#   conformance/spectral.sh [--time] [FOLDER...]
#
# For each ruleset — ours in conformance/spectral/rulesets, the published
# ones npm installs there (listed in published_npm below), and those in
# the folder ASYNCAPI_LS_RULESETS names, if any (rulesets that live only in
# git repositories, laid out as conformance/spectral/published.tsv says):
# both tools lint the project's examples, the official corpus
# (../shared/corpus/official) and realworld-dev when ASYNCAPI_LS_REALWORLD
# names it; findings of the rules the ruleset defines are compared as (rule,
# file, line), agreement printed, each difference listed with its reason
# (differences.tsv). With --time,
# both tools then time the same ruleset on the generated 100- and
# 1,000-channel documents (a benchmark, so not in CI). Exits 1 on a
# difference without a reason.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
sp="$here/spectral"
timed=false
if [ "${1:-}" = --time ]; then timed=true; shift; fi
# npm ci when a package the lockfile pins is missing (a new one was added).
(cd "$sp" && node -e 'const fs = require("fs"); for (const d of Object.keys(require("./package.json").dependencies)) if (!fs.existsSync("node_modules/" + d)) process.exit(1)') ||
  (cd "$sp" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
spectral="$sp/node_modules/.bin/spectral"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
go build -o "$scratch/asyncapi-ls" "$root/cmd/asyncapi-ls"
ours="$scratch/asyncapi-ls"
if [ $# -eq 0 ]; then
  set -- "$root/examples"
  [ -d "$root/../shared/corpus/official" ] && set -- "$@" "$root/../shared/corpus/official"
  [ -n "${ASYNCAPI_LS_REALWORLD:-}" ] && [ -d "$ASYNCAPI_LS_REALWORLD" ] && set -- "$@" "$ASYNCAPI_LS_REALWORLD"
fi
# The AsyncAPI documents among the files (those with a root asyncapi key):
# Spectral would lint fragments too, with rules that have no formats.
: >"$scratch/files"
for dir in "$@"; do
  find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -not -path '*/node_modules/*' -not -name '.spectral.*' | sort |
    while read -r f; do
      if grep -qE '^(asyncapi|"asyncapi"|'"'"'asyncapi'"'"')[[:space:]]*:|^[[:space:]]*\{?[[:space:]]*"asyncapi"[[:space:]]*:' "$f"; then echo "$f"; fi
    done >>"$scratch/files"
done
echo "documents: $(wc -l <"$scratch/files")"
# The rulesets, as "name<TAB>file" lines. Published rulesets packaged for
# npm, pinned in spectral/package.json, by their file in node_modules:
published_npm="@microcks/spectral-ruleset/microcks-rules.yaml"
for ruleset in "$sp"/rulesets/*.yaml; do printf '%s\t%s\n' "$(basename "$ruleset")" "$ruleset"; done >"$scratch/rulesets"
for file in $published_npm; do printf '%s\t%s\n' "${file%/*}" "$sp/node_modules/$file"; done >>"$scratch/rulesets"
if [ -n "${ASYNCAPI_LS_RULESETS:-}" ] && [ -d "$ASYNCAPI_LS_RULESETS" ]; then
  # Each folder holds one ruleset (.spectral.yaml, .yml or .json) beside
  # the functions it declares; it is named by its folder.
  find "$ASYNCAPI_LS_RULESETS" -mindepth 2 -maxdepth 2 -type f -name '.spectral.*' | sort |
    while read -r ruleset; do printf '%s\t%s\n' "$(basename "$(dirname "$ruleset")")" "$ruleset"; done >>"$scratch/rulesets"
fi
status=0
while IFS=$'\t' read -r name ruleset; do
  # Spectral lints with the rules that call the ruleset's own JavaScript
  # turned off: they are not compared, and a function that throws stops
  # Spectral's whole run.
  theirs_ruleset=$ruleset
  node "$sp/compare.mjs" --javascript "$ruleset" </dev/null >"$scratch/javascript"
  if [ -s "$scratch/javascript" ]; then
    theirs_ruleset="$scratch/without-javascript.yaml"
    { echo "extends: [\"$ruleset\"]"; echo "rules:"; sed 's/.*/  "&": off/' "$scratch/javascript"; } >"$theirs_ruleset"
  fi
  xargs "$spectral" lint --ignore-unknown-format -r "$theirs_ruleset" -f json <"$scratch/files" >"$scratch/spectral.json" 2>"$scratch/spectral.err" || true
  if ! grep -q '^\[' "$scratch/spectral.json"; then
    echo "Spectral failed on $ruleset:"; cat "$scratch/spectral.err"; status=1; continue
  fi
  xargs "$ours" check --ruleset "$ruleset" --format json <"$scratch/files" >"$scratch/ours.json" 2>"$scratch/ours.err" || true
  node "$sp/compare.mjs" "$ruleset" "$scratch/ours.json" "$scratch/spectral.json" "$name" "$scratch/ours.err" >"$scratch/compare.out" </dev/null || status=1
  grep -v '^SUMMARY' "$scratch/compare.out" || true
  grep '^SUMMARY' "$scratch/compare.out" >>"$scratch/summary"
done <"$scratch/rulesets"
# The ruleset test cases (analysis/ruleset/testdata/*), each a ruleset and
# its documents; a case whose ruleset starts "# spectral: skip" tests what
# Spectral refuses. typedEnum reaches Spectral's YAML rulesets only as a
# declared function: the case gets our shim of it.
for case in "$root"/analysis/ruleset/testdata/*/; do
  name=$(basename "$case")
  if head -1 "$case/.spectral.yaml" | grep -q '^# spectral: skip'; then
    echo "case $name: not run by Spectral: $(sed -n '/^#/!q; s/^# *//; s/^spectral: skip — //; p' "$case/.spectral.yaml" | tr '\n' ' ')"
    continue
  fi
  copy="$scratch/cases/$name"
  mkdir -p "$copy" && cp -r "$case". "$copy/"
  if grep -q 'function: typedEnum' "$copy/.spectral.yaml" && ! grep -q '^functions:' "$copy/.spectral.yaml"; then
    sed -i '1i functions: [typedEnum]' "$copy/.spectral.yaml"
    mkdir -p "$copy/functions" && cp "$sp/rulesets/functions/typedEnum.js" "$copy/functions/"
  fi
  find "$copy" -type f \( -name '*.yaml' -o -name '*.json' \) -not -name '.spectral.*' -not -path "$copy/functions/*" | sort |
    while read -r f; do if grep -qE '^(asyncapi|"asyncapi")[[:space:]]*:' "$f"; then echo "$f"; fi; done >"$scratch/case-files"
  xargs "$spectral" lint -r "$copy/.spectral.yaml" -f json <"$scratch/case-files" >"$scratch/spectral.json" 2>"$scratch/spectral.err" || true
  if ! grep -q '^\[' "$scratch/spectral.json"; then
    echo "Spectral failed on the case $name:"; cat "$scratch/spectral.err"; status=1; continue
  fi
  xargs "$ours" check --ruleset "$copy/.spectral.yaml" --format json <"$scratch/case-files" >"$scratch/ours.json" 2>/dev/null || true
  node "$sp/compare.mjs" "$copy/.spectral.yaml" "$scratch/ours.json" "$scratch/spectral.json" >"$scratch/compare.out" || status=1
  sed "s/^\.spectral\.yaml:/case $name:/; s/^SUMMARY\t\.spectral\.yaml/SUMMARY\tcase $name/" "$scratch/compare.out" | grep -v '^SUMMARY' || true
  grep '^SUMMARY' "$scratch/compare.out" >>"$scratch/summary"
done
awk -F'\t' '{ same += $3; total += $4; bad += $5 } END { printf "all rulesets: %d of %d findings agree (%.1f%%); %d differences without a reason\n", same, total, total ? 100 * same / total : 100, bad }' "$scratch/summary"

# Timing: the governance ruleset on the generated documents, whole
# processes (start-up included), median of three runs each; wall time, and
# CPU time (user + system) since asyncapi-ls uses every core and Spectral one.
$timed || exit $status
median() { tr ' ' '\n' | grep . | sort -n | sed -n 2p; }
run_timed() { # prints "wall_ms cpu_ms"
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d %d\n", a[1] * 1000, (a[2] + a[3]) * 1000 }'
}
for n in 100 1000; do
  doc="$scratch/asyncapi-3.0.0-$n.yaml"
  (cd "$root" && go run ./bench/cmd/gen -version 3.0.0 -channels "$n" -o "$doc")
  for tool in ours spectral; do
    walls="" cpus=""
    for _ in 1 2 3; do
      if [ $tool = ours ]; then
        read -r w c < <(run_timed "$ours" check --ruleset "$sp/rulesets/governance.yaml" "$doc")
      else
        read -r w c < <(run_timed "$spectral" lint -r "$sp/rulesets/governance.yaml" "$doc")
      fi
      walls="$walls $w" cpus="$cpus $c"
    done
    eval "wall_$tool=\$(echo \"\$walls\" | median) cpu_$tool=\$(echo \"\$cpus\" | median)"
  done
  # shellcheck disable=SC2154
  echo "$n channels: asyncapi-ls check --ruleset $wall_ours ms (CPU $cpu_ours ms), spectral lint $wall_spectral ms (CPU $cpu_spectral ms):" \
    "$(awk "BEGIN { printf \"%.1f\", $wall_spectral / $wall_ours }")x faster ($(awk "BEGIN { printf \"%.1f\", $cpu_spectral / $cpu_ours }")x in CPU time)"
done
exit $status
