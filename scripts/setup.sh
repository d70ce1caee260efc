#!/usr/bin/env bash
# Installs what Skyglass needs on a fresh machine, and skips what is already there.
#   scripts/setup.sh build   wasm32 target, trunk, wasm-bindgen-cli (the Cargo.lock version,
#                            built from tools/wasm-bindgen-cli), wasm-split-cli, wasm-opt and
#                            terser (npm, tools/)
#   scripts/setup.sh lint    wasm32 target and cargo-deny (make lint, make audit)
#   scripts/setup.sh deploy  the build tools, plus what deploy/ uses: Debian nginx, its
#                            brotli_static module, brotli and zopfli
#   scripts/setup.sh test    all of the above, plus Debian chromium + chromedriver and the e2e
#                            test packages
# Idempotent: run it as often as you like. Needs only crates.io, npm and Debian's archive.
# Every tool is pinned and built from a lock file: `cargo install --locked` (the lock file the
# crate ships, or for wasm-bindgen-cli ours), `npm ci` (package-lock.json); scripts/check-locked.sh
# (in the test command) fails on an install or build that is not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TRUNK_VERSION=0.21.14
# wasm-split (the route split of the production build, scripts/build-split.sh); 0.2.4 is the
# first that works with wasm-bindgen 0.2.128+.
WASM_SPLIT_VERSION=0.2.4
# cargo-deny: licenses, bans and sources in the test command, advisories in make audit (deny.toml).
CARGO_DENY_VERSION=0.20.2

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen version the CLI must match exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# The wasm-bindgen-cli version that tools/wasm-bindgen-cli builds.
wasm_bindgen_cli_version() {
  sed -n 's/^wasm-bindgen-cli = "=\(.*\)"$/\1/p' tools/wasm-bindgen-cli/Cargo.toml
}

add_wasm_target() {
  export PATH="$HOME/.cargo/bin:$PATH"
  # Output read whole (here-strings), never `cmd | grep -q`: grep's early exit can kill the
  # writer with SIGPIPE, which pipefail reads as "not installed".
  if ! grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

setup_build() {
  add_wasm_target
  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
  local wbg installed
  wbg=$(wasm_bindgen_version)
  installed=$(cargo install --list)
  if [ "$(wasm_bindgen_cli_version)" != "$wbg" ]; then
    log "tools/wasm-bindgen-cli builds wasm-bindgen-cli $(wasm_bindgen_cli_version), Cargo.lock has wasm-bindgen $wbg:" \
      "bump it (tools/wasm-bindgen-cli/Cargo.toml says how)"
    exit 1
  fi
  # The CLI's own lock file cannot be used (a crate version it locks is missing from the
  # registry): tools/wasm-bindgen-cli builds the same binaries from a lock file of ours.
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ] ||
    ! grep -q "^skyglass-wasm-bindgen-cli v$wbg " <<<"$installed"; then
    log "installing wasm-bindgen-cli $wbg from tools/wasm-bindgen-cli (about 3 minutes)"
    cargo install --locked --force --path tools/wasm-bindgen-cli --target-dir "$ROOT/target/tools"
  fi
  if ! grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" <<<"$installed"; then
    log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
    cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
  fi
  if [ "$(tools/node_modules/.bin/wasm-opt --version 2>/dev/null || true)" != "wasm-opt version 132 (version_132)" ] ||
    [ "$(tools/node_modules/.bin/terser --version 2>/dev/null || true)" != "terser 5.51.4" ]; then
    log "installing wasm-opt 132 (npm binaryen) and terser 5.51.4"
    (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian packages not installed yet, of those named.
missing_debs() {
  local pkg
  for pkg in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" = "install ok installed" ] || echo "$pkg"
  done
}

# Installs Debian packages (apt-get update once per run, before the first install).
APT_UPDATED=""
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  if [ -z "$APT_UPDATED" ]; then
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# deploy/build.sh precompresses with brotli and zopfli; the deployment test
# (tests/e2e/nginx/) runs Debian's nginx, with brotli_static, from a config of its own on
# 127.0.0.1.
setup_deploy() {
  setup_build
  local debs
  debs=$(missing_debs nginx libnginx-mod-http-brotli-static brotli zopfli)
  if [ -n "$debs" ]; then
    log "installing Debian" $debs
    # Without a policy-rc.d (Docker images have one) the nginx package would start the
    # system's nginx on port 80: forbid service starts for the time of the install.
    local policy=/usr/sbin/policy-rc.d sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
      $sudo chmod 755 "$policy"
      trap "$sudo rm -f $policy" EXIT
    fi
    # shellcheck disable=SC2086
    apt_install $debs
  fi
}

# make lint / make audit: the wasm32 target (clippy of the app) and cargo-deny.
setup_lint() {
  add_wasm_target
  if [ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
    log "installing cargo-deny $CARGO_DENY_VERSION (about 6 minutes on 2 cores)"
    cargo install --locked "cargo-deny@$CARGO_DENY_VERSION"
  fi
}

setup_test() {
  setup_deploy
  setup_lint
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  if [ ! -d tests/e2e/node_modules/@playwright/test ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
    log "installing the end-to-end test packages (Playwright, driving Debian's chromium)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

case "${1:-}" in
  build) setup_build ;;
  lint) setup_lint ;;
  deploy) setup_deploy ;;
  test) setup_test ;;
  *) echo "usage: $0 build|lint|deploy|test" >&2; exit 2 ;;
esac
log "ready"
