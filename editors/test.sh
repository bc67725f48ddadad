#!/usr/bin/env bash
# Runs every editor integration test against a built asyncapi-ls binary.
#
#   editors/test.sh /path/to/asyncapi-ls
#
# Installs nothing: run editors/install-deps.sh first (Neovim, Emacs + Eglot,
# and `npm ci` in editors/vscode; with --browser also code-server and
# Chromium for the VS Code-in-a-browser test). EDITORS=vscode,nvim,... runs a
# subset.
# Prints one summary line per editor and ends with "editors: N passed, N
# failed" (one count per step); the exit status is non-zero on any failure.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -ne 1 ]; then
  echo "usage: $0 /path/to/asyncapi-ls" >&2
  exit 2
fi
bin="$1"
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
  echo "$0: $bin is not an executable file" >&2
  exit 2
fi
export ASYNCAPI_LS_BIN="$bin"
editors="${EDITORS:-vscode,nvim,emacs,jetbrains,helix}"

work="$(mktemp -d "${TMPDIR:-/tmp}/asyncapi-editors.XXXXXX")"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
declare -A status detail
order=()

# step EDITOR NAME COMMAND... : runs one step with a time limit, logs its
# output, and records PASS/FAIL plus the count line the runner printed.
step() {
  local editor="$1" name="$2"
  shift 2
  local log="$work/$editor-${name// /-}.log"
  local start=$SECONDS
  printf '%-10s %-28s ' "$editor" "$name"
  timeout 170 "$@" >"$log" 2>&1
  local rc=$?
  local counts
  counts="$(summarize "$log")"
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    echo "PASS ($((SECONDS - start))s) $counts"
    detail[$editor]="${detail[$editor]:-}${detail[$editor]:+; }$name ${counts:-ok}"
    status[$editor]="${status[$editor]:-PASS}"
  else
    failed=$((failed + 1))
    echo "FAIL ($((SECONDS - start))s, exit $rc) $counts"
    echo "---- last lines of $name ----"
    tail -n 60 "$log" | sed 's/^/    /'
    echo "----"
    detail[$editor]="${detail[$editor]:-}${detail[$editor]:+; }$name FAILED $counts"
    status[$editor]=FAIL
  fi
}

# Pulls the test counts out of a runner's output.
summarize() {
  local log="$1" p f
  if grep -q '^# pass ' "$log"; then # node --test (TAP)
    p="$(grep '^# pass ' "$log" | tail -1 | awk '{print $3}')"
    f="$(grep '^# fail ' "$log" | tail -1 | awk '{print $3}')"
    echo "[$p passed, $f failed]"
  elif grep -Eq '[0-9]+ passed, [0-9]+ failed' "$log"; then # nvim / emacs e2e
    echo "[$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)]"
  elif grep -Eq '^Ran [0-9]+ tests?, ' "$log"; then # ERT
    echo "[$(grep -E '^Ran [0-9]+ tests?, ' "$log" | tail -1 | sed -E 's/ \(.*//')]"
  elif grep -Eq '^Ran [0-9]+ tests? in' "$log"; then # python unittest
    echo "[$(grep -E '^Ran [0-9]+ tests? in' "$log" | tail -1 | awk '{print $2}') tests, $(tail -n 1 "$log")]"
  fi
}

want() { [[ ",$editors," == *",$1,"* ]]; }

# Neovim and Emacs get a scratch home so no user configuration leaks in.
scratch_env=(env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache")
mkdir -p "$work/home"

if want vscode; then
  order+=(vscode)
  vs="$here/vscode"
  if [ ! -d "$vs/node_modules" ]; then
    echo "vscode     node_modules missing: run editors/install-deps.sh (npm ci) first"
    failed=$((failed + 1))
    status[vscode]=FAIL
    detail[vscode]="node_modules missing"
  else
    step vscode "build (esbuild)" npm --prefix "$vs" run --silent build
    step vscode "typecheck (tsc)" npm --prefix "$vs" run --silent typecheck
    step vscode "unit + package (node --test)" env -C "$vs" node --test --test-reporter=tap \
      test/detect.test.mjs test/gate.test.mjs test/server-path.test.mjs test/server-log.test.mjs test/preview.test.mjs test/package.test.mjs
    step vscode "e2e protocol client" env -C "$vs" node --test --test-reporter=tap test/e2e.test.mjs
    # Real VS Code (code-server) in Chromium: runs once browser/setup.sh has
    # run (install-deps.sh --browser); ASYNCAPI_LS_BROWSER=1 makes it required.
    if [ -e "$vs/browser/node_modules/code-server/lib/vscode/node_modules.asar" ] || [ "${ASYNCAPI_LS_BROWSER:-}" = 1 ]; then
      step vscode "VS Code in Chromium" env -C "$vs/browser" node --test --test-reporter=tap test.mjs
    else
      echo "vscode     VS Code in Chromium          SKIP (not set up: editors/install-deps.sh --browser)"
      detail[vscode]="${detail[vscode]:-}; VS Code in Chromium SKIPPED"
    fi
  fi
fi

if want nvim; then
  order+=(nvim)
  step nvim "detection" "${scratch_env[@]}" nvim --headless -u NONE -i NONE -S "$here/nvim/test/detect.lua"
  step nvim "e2e headless" "${scratch_env[@]}" nvim --headless -u NONE -i NONE -S "$here/nvim/test/e2e.lua"
fi

if want emacs; then
  order+=(emacs)
  el=(emacs -Q --batch -L "$here/emacs" -l "$here/emacs/test/load-path.el")
  step emacs "byte-compile" "${scratch_env[@]}" "${el[@]}" \
    --eval "(setq byte-compile-error-on-warn t byte-compile-dest-file-function (lambda (_) \"$work/asyncapi-ls.elc\"))" \
    --eval "(unless (byte-compile-file \"$here/emacs/asyncapi-ls.el\") (kill-emacs 1))"
  step emacs "ert" "${scratch_env[@]}" "${el[@]}" -l ert -l "$here/emacs/test/asyncapi-ls-test.el" -f ert-run-tests-batch-and-exit
  step emacs "e2e eglot+flymake" "${scratch_env[@]}" "${el[@]}" -l "$here/emacs/test/e2e.el"
  if ls -d /usr/share/emacs/site-lisp/elpa/yaml-mode* >/dev/null 2>&1; then
    step emacs "e2e, fallback YAML mode" "${scratch_env[@]}" ASYNCAPI_LS_EMACS_NO_YAML_MODE=1 "${el[@]}" -l "$here/emacs/test/e2e.el"
  fi
fi

if want jetbrains; then
  order+=(jetbrains)
  step jetbrains "LSP4IJ template" env -C "$here/jetbrains" python3 -m unittest -v test_template.py
fi

if want helix; then
  order+=(helix)
  step helix "languages.toml" env -C "$here/helix" python3 -m unittest -v test_languages.py
fi

echo
echo "== editor summary =="
for e in "${order[@]}"; do
  printf '%-10s %s  %s\n' "$e" "${status[$e]:-FAIL}" "${detail[$e]:-}"
done
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
