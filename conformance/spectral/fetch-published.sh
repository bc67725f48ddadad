#!/usr/bin/env bash
# Copies the published rulesets listed in published.tsv, each at its pinned
# commit, into DIR (default /tmp/published-rulesets): DIR/NAME/.spectral.*
# and the functions/ folder beside it, if any. Needs git and the network
# (or GIT_BASE naming a folder of OWNER/NAME repositories).
#
#   conformance/spectral/fetch-published.sh [DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/published-rulesets}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -v '^#' "$here/published.tsv" | while IFS=$'\t' read -r name repo commit file; do
  git init -q "$work/$name"
  git -C "$work/$name" fetch -q --depth 1 "${GIT_BASE:-https://github.com}/$repo" "$commit"
  git -C "$work/$name" checkout -q FETCH_HEAD
  rm -rf "${out:?}/$name" && mkdir -p "$out/$name"
  cp "$work/$name/$file" "$out/$name/.spectral.${file##*.}"
  dir=$(dirname "$work/$name/$file")
  [ -d "$dir/functions" ] && cp -r "$dir/functions" "$out/$name/"
  echo "$name: $repo at $commit"
done
