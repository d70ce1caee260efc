#!/usr/bin/env bash
# Runs the checks and the three test layers. Assumes scripts/setup.sh test has run (make test
# does both).
#   scripts/test.sh          everything: lint first (it fails fast), then native, browser, end to end
#   scripts/test.sh lint     only the checks of the code and the supply chain (make lint)
#   scripts/test.sh native   only cargo test --workspace (make test-native)
#   scripts/test.sh browser  only the browser tests, every tests/browser*.rs (make test-browser)
#   scripts/test.sh e2e      only the end-to-end layer: the production build (split by route,
#                            deploy/build.sh) behind nginx, the app's suite, then the deployment's,
#                            then a smoke test of `trunk serve` (the unsplit development build)
#   scripts/test.sh nginx    only the deployment's suite (after deploy/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# `trunk serve` in the development smoke test (tests/e2e/dev/) builds from Cargo.lock as it is.
export TRUNK_BUILD_LOCKED=true

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

lint() {
  step "lint: cargo fmt --check"
  cargo fmt --all -- --check
  step "supply chain: every cargo command locked, every install pinned (scripts/check-locked.sh)"
  scripts/check-locked.sh --self-test
  step "supply chain: cargo deny check licenses bans sources (deny.toml; offline, advisories: make audit)"
  cargo fetch --locked --quiet
  cargo deny --locked --offline --workspace check licenses bans sources
  # The import-circle check lives in shared/ beside the repository (as CI lays it out), not in
  # the repository: it runs when it is there.
  local circles
  circles=$(dirname "$ROOT")/shared/tools/rust_circles.py
  if [ -f "$circles" ]; then
    # Our crates only: vendor/ holds patched copies of upstream crates (vendor/README.md),
    # whose module structure is upstream's.
    step "lint: no import circles in our crates ($circles, vendor/ aside)"
    local ours
    ours=$(mktemp -d)
    tar -C "$ROOT" --exclude=./vendor --exclude=./target --exclude=node_modules --exclude=./.git -cf - . | tar -C "$ours" -xf -
    python3 "$circles" "$ours"
    rm -rf "$ours"
  else
    step "lint: import circles not checked: $circles is not there"
  fi
  step "lint: clippy, the native workspace"
  cargo clippy --locked --workspace --all-targets -- -D warnings
  step "lint: clippy, the app for wasm32"
  cargo clippy --locked -p skyglass --target wasm32-unknown-unknown --all-targets -- -D warnings
}

native() {
  step "native: cargo test --workspace (API layer, cursors, lifecycle, cloudsim)"
  cargo test --locked --workspace
}

# Every tests/browser*.rs is a target here (a new file runs without being listed anywhere), and
# scripts/check-browser-tests.sh then reads cargo's log: each file must have run.
browser() {
  local targets=() f
  for f in tests/browser*.rs; do
    targets+=(--test "$(basename "$f" .rs)")
  done
  step "browser: wasm-bindgen-test in headless Chromium (components against the in-page cloudsim): ${targets[*]}"
  mkdir -p target
  cargo test --locked --target wasm32-unknown-unknown -p skyglass "${targets[@]}" 2>&1 | tee target/browser-tests.log
  scripts/check-browser-tests.sh target/browser-tests.log
}

layers=${1:-all}
case "$layers" in
  all) lint; native; browser ;;
  lint) lint; exit 0 ;;
  native) native; exit 0 ;;
  browser) browser; exit 0 ;;
  e2e | nginx) ;;
  *) echo "usage: $0 [all|lint|native|browser|e2e|nginx]" >&2; exit 2 ;;
esac

step "end to end: the production build split by route (deploy/build.sh target/deploy-dist) and cloudsim"
deploy/build.sh target/deploy-dist
cargo build --locked --release -p cloudsim

if [ "$layers" != nginx ]; then
  step "end to end: Playwright in headless Chromium, the app behind nginx (deploy/nginx/) and cloudsim"
  (cd tests/e2e && npx --no playwright test)
fi

step "deployment: Playwright against nginx serving the build (cache, compression and security headers, the proxy)"
(cd tests/e2e && npx --no playwright test -c nginx/playwright.config.ts)

if [ "$layers" != nginx ]; then
  step "development: trunk serve (the unsplit build) smoke test"
  (cd tests/e2e && npx --no playwright test -c dev/playwright.config.ts)
fi
