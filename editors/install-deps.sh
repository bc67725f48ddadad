#!/usr/bin/env bash
# Installs what editors/test.sh needs (Debian 12, run as root):
#   - Neovim 0.7 (Debian's neovim), Emacs 28 without X, Eglot and yaml-mode
#     from Debian's ELPA packages;
#   - the VS Code extension's npm packages, exactly as pinned in
#     editors/vscode/package-lock.json.
# With --browser, also VS Code in a browser for editors/vscode/browser/test.mjs:
# Debian's Chromium and ripgrep, a C/C++ toolchain and the Kerberos headers
# for code-server's native modules, then editors/vscode/browser/setup.sh
# (code-server 4.100.3 + playwright-core from that folder's lockfile).
# python3 (3.11+, for tomllib) and Node 20 are expected to be on the machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
  esac
done

packages=(neovim emacs-nox elpa-eglot elpa-yaml-mode)
if [ "$browser" = 1 ]; then
  packages+=(chromium ripgrep build-essential pkg-config libkrb5-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

(cd "$here/vscode" && npm ci --no-audit --no-fund)

if [ "$browser" = 1 ]; then
  "$here/vscode/browser/setup.sh"
fi
