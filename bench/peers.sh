#!/usr/bin/env bash
# Installs the peer tools the benchmarks compare against into bench/peers/
# (ignored by git): yaml-language-server, the official JSON Schemas, the
# official parser, and vacuum built from its Go module.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
peers="$here/peers"
mkdir -p "$peers/bin"

# Pinned versions. yaml-language-server 2.x requires Node >= 22; 1.25.0 is
# the newest release that runs on the Node 20 these machines have.
YAMLLS_VERSION=1.25.0
SPECS_VERSION=6.11.1
PARSER_VERSION=3.6.6
VACUUM_VERSION=v0.30.0

echo "== npm peers"
cd "$peers"
[ -f package.json ] || echo '{"name":"asyncapi-ls-bench-peers","private":true}' > package.json
npm install --no-audit --no-fund --save-exact \
  "yaml-language-server@$YAMLLS_VERSION" \
  "@asyncapi/specs@$SPECS_VERSION" \
  "@asyncapi/parser@$PARSER_VERSION"
ln -sf ../node_modules/.bin/yaml-language-server "$peers/bin/yaml-language-server"

echo "== vacuum $VACUUM_VERSION"
# A plain 'go install module@version' is refused for this module, so build it
# inside a scratch module that requires it.
if [ "${SKIP_VACUUM:-}" = 1 ]; then
  echo "skipped (SKIP_VACUUM=1)"
else
  mkdir -p "$peers/vacuum"
  cd "$peers/vacuum"
  if [ ! -f go.mod ]; then
    GOWORK=off go mod init benchpeers/vacuum
  fi
  if GOWORK=off GOFLAGS=-mod=mod go get "github.com/daveshanley/vacuum@$VACUUM_VERSION" &&
     GOWORK=off GOFLAGS=-mod=mod go build -o "$peers/bin/vacuum" github.com/daveshanley/vacuum; then
    echo "vacuum built: $peers/bin/vacuum"
  else
    echo "vacuum build FAILED; run.sh will skip it" >&2
  fi
fi

echo "== installed"
ls -l "$peers/bin"
