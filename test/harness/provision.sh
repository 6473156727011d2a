#!/usr/bin/env bash
# Idempotent provisioning of a real VS Code for the tests: Debian packages (native build deps of
# VS Code's server, ripgrep, Chromium, a CJK font; xmllint and cmark-gfm, which the unit tests use as
# independent readers of the TBX and Markdown exports) and code-server 4.100.3 (bundles VS Code 1.100.3)
# in a git-ignored folder of its own, so `npm ci` stays light. Nothing is downloaded from outside the
# npm registry and Debian's mirrors: ripgrep's postinstall is fed Debian's rg from a private TMPDIR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${HANZI_GLOSS_VSCODE_CACHE:-$ROOT/.vscode-test}"
CS_DIR="$CACHE/code-server"
CS_VERSION="4.100.3"
MARKER="$CS_DIR/.provisioned-$CS_VERSION"
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

if [ -f "$MARKER" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CS_VERSION already provisioned in $CS_DIR"
  exit 0
fi

log "installing code-server $CS_VERSION into $CS_DIR"
mkdir -p "$CS_DIR"
# Without its own package.json npm walks up and installs into the project.
echo '{"private":true}' > "$CS_DIR/package.json"
PRIVATE_TMP="$(mktemp -d)"
trap 'rm -rf "$PRIVATE_TMP"' EXIT
RG_CACHE="$PRIVATE_TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar -C "$(dirname "$(command -v rg)")" -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
(
  cd "$CS_DIR"
  export TMPDIR="$PRIVATE_TMP" npm_config_yes=true npm_config_nodedir=/usr
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
