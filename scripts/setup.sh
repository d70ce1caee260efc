#!/usr/bin/env bash
# Installs what Skyglass needs on a fresh machine, and skips what is already there.
#   scripts/setup.sh build   wasm32 target, trunk, wasm-bindgen-cli (the Cargo.lock version), wasm-opt
#   scripts/setup.sh test    the above, plus Debian chromium + chromedriver and the e2e test packages
# Idempotent: run it as often as you like. Needs only crates.io, npm and Debian's archive.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TRUNK_VERSION=0.21.14

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen version the CLI must match exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_build() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
  local wbg
  wbg=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
    log "installing wasm-bindgen-cli $wbg (about 2 minutes)"
    # Not --locked: a locked dependency of the CLI is missing from the registry.
    cargo install --force "wasm-bindgen-cli@$wbg"
  fi
  if [ "$(tools/node_modules/.bin/wasm-opt --version 2>/dev/null || true)" != "wasm-opt version 132 (version_132)" ]; then
    log "installing wasm-opt 132 (npm binaryen)"
    (cd tools && npm install --no-audit --no-fund --loglevel=error)
  fi
}

setup_test() {
  setup_build
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -d tests/e2e/node_modules/@playwright/test ]; then
    log "installing the end-to-end test packages (Playwright, driving Debian's chromium)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

case "${1:-}" in
  build) setup_build ;;
  test) setup_test ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
log "ready"
