#!/usr/bin/env bash
# Sets up VS Code in a browser for editors/vscode/browser/test.mjs:
# code-server 4.100.3 (the last line that runs on Node 20) and playwright-core
# from this folder's package-lock.json, with the install steps code-server's
# own postinstall would run done by hand, because two of them download
# binaries from the internet, which this machine cannot reach:
#   - @vscode/ripgrep's postinstall downloads ripgrep: Debian's rg is copied
#     where that package expects its binary;
#   - prebuild-install / node-pre-gyp look for prebuilt native modules, and
#     node-gyp would fetch Node headers: the modules are compiled here against
#     the headers installed with Node (<prefix>/include/node).
#
# Needs the Debian packages chromium ripgrep build-essential pkg-config
# libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev (install-deps.sh
# --browser installs them) and Node 20 with its headers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "setup.sh: code-server 4.100.x needs Node 20 (found $(node --version))" >&2
  exit 1
fi
prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ ! -f "$prefix/include/node/node_api.h" ]; then
  echo "setup.sh: no Node headers in $prefix/include/node" >&2
  exit 1
fi
export npm_config_nodedir="$prefix"
node_gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[ -f "$node_gyp" ] || { echo "setup.sh: npm's bundled node-gyp not found at $node_gyp" >&2; exit 1; }
for tool in rg chromium make g++; do
  command -v "$tool" >/dev/null || { echo "setup.sh: $tool missing (run editors/install-deps.sh --browser)" >&2; exit 1; }
done

echo "== npm ci (scripts off)"
npm ci --ignore-scripts --no-audit --no-fund

cs="$here/node_modules/code-server"

echo "== argon2 (code-server's password hashing; loaded at start-up)"
npm_config_build_from_source=true npm rebuild argon2 --foreground-scripts >/dev/null

echo "== VS Code's own dependencies (lib/vscode)"
cd "$cs/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
for m in @vscode/spdlog native-watchdog node-pty kerberos @vscode/deviceid; do
  echo "   compiling $m"
  (cd "node_modules/$m" && node "$node_gyp" rebuild --nodedir="$prefix" >/dev/null)
done
# What code-server's postinstall.sh does after installing.
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

echo "== built-in extensions' dependencies"
cd "$cs/lib/vscode/extensions"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
node ./postinstall.mjs >/dev/null

node "$cs/out/node/entry.js" --version
echo "code-server ready: $cs"
