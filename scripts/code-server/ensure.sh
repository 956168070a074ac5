#!/usr/bin/env bash
# Installs everything the "real VS Code" tests need: Debian packages and code-server,
# which carries a complete VS Code (server + web workbench). Desktop VS Code cannot be
# downloaded on machines without general network access, code-server comes from npm.
#
# Idempotent: a marker file records a finished install, so a second run is a no-op.
# Safe on a fresh Debian machine with Node 20 (CI runs it as root).
# Prints the code-server entry point (bin) as its last line.
set -euo pipefail

CS_VERSION=4.96.4
CACHE_ROOT="${SNOWPARK_LOCAL_CACHE:-$HOME/.cache/snowpark-local}"
PREFIX="$CACHE_ROOT/code-server-$CS_VERSION"
PKG="$PREFIX/node_modules/code-server"
BIN="$PKG/out/node/entry.js"
MARKER="$PREFIX/.snowpark-local-complete"

log() { echo "[ensure-code-server] $*" >&2; }

ensure_debian_packages() {
  # chromium: the browser that opens the workbench; libkrb5-dev + build tools: the
  # kerberos native module compiles from source; ripgrep: VS Code's search, whose npm
  # postinstall would download a binary (no network for that here).
  local wanted=(chromium libkrb5-dev ripgrep python3 make g++ ca-certificates)
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    log "missing packages ${missing[*]} and no apt-get: install them by hand"; exit 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

node_major() { node -p 'process.versions.node.split(".")[0]'; }

install_code_server() {
  # code-server 4.96.x requires Node 20; later releases need Node 24.
  if [ "$(node_major)" != "20" ]; then
    log "code-server $CS_VERSION needs Node 20, found $(node -v)"; exit 1
  fi
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  cd "$PREFIX"
  echo '{"name":"snowpark-local-code-server","private":true}' > package.json
  # --ignore-scripts: the postinstall wants --unsafe-perm as root and pulls more from the web.
  log "npm install code-server@$CS_VERSION"
  npm install --ignore-scripts --no-audit --no-fund "code-server@$CS_VERSION" >&2

  cd "$PKG/lib/vscode"
  # The shrinkwrap pins @vscode/proxy-agent to a git URL that cannot be fetched.
  rm -f npm-shrinkwrap.json
  log "npm install lib/vscode production deps"
  npm install --ignore-scripts --omit=dev --no-audit --no-fund >&2
  log "npm rebuild native modules"
  npm rebuild node-pty @vscode/spdlog native-watchdog @parcel/watcher kerberos >&2

  cd "$PKG/lib/vscode/extensions"
  log "npm install built-in extensions deps"
  npm install --ignore-scripts --no-audit --no-fund >&2

  # argon2 is hoisted to $PREFIX/node_modules: rebuild from $PREFIX, because npm run
  # inside $PKG treats $PKG as the project root and silently rebuilds nothing.
  cd "$PREFIX"
  log "npm rebuild argon2"
  npm rebuild argon2 >&2

  # @vscode/ripgrep's own postinstall downloads rg; use Debian's instead.
  local rgdir="$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
  mkdir -p "$rgdir"
  ln -sf "$(command -v rg)" "$rgdir/rg"

  # npm rebuild can succeed while building nothing (it did for argon2 when run from the
  # wrong folder): load every native module once, so a broken install fails here.
  log "checking native modules"
  (cd "$PKG/lib/vscode" && node -e "for (const m of ['node-pty','@vscode/spdlog','native-watchdog','kerberos','@parcel/watcher']) require(m)")
  (cd "$PREFIX" && node -e "require('argon2')")

  # --config keeps the check from writing ~/.config/code-server/config.yaml.
  node "$BIN" --config "$PREFIX/config.yaml" --version >&2
  date -u +%FT%TZ > "$MARKER"
}

ensure_debian_packages
if [ -f "$MARKER" ] && [ -f "$BIN" ]; then
  :
else
  start=$(date +%s)
  install_code_server
  log "code-server installed in $(( $(date +%s) - start )) s"
fi
echo "$BIN"
