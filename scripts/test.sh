#!/usr/bin/env bash
# Runs the three test layers. Assumes scripts/setup.sh test has run (make test does both).
#   scripts/test.sh          all layers: native, browser, end to end
#   scripts/test.sh e2e      only the end-to-end layer: the production build (split by route,
#                            deploy/build.sh) behind nginx, the app's suite, then the deployment's,
#                            then a smoke test of `trunk serve` (the unsplit development build)
#   scripts/test.sh nginx    only the deployment's suite (after deploy/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

layers=${1:-all}
if [ "$layers" = all ]; then
  step "native: cargo test --workspace (API layer, cursors, lifecycle, cloudsim)"
  cargo test --workspace
  step "browser: wasm-bindgen-test in headless Chromium (components against the in-page cloudsim)"
  cargo test --target wasm32-unknown-unknown -p skyglass --test browser --test browser_services --test browser_auth --test browser_console
fi

step "end to end: the production build split by route (deploy/build.sh target/deploy-dist) and cloudsim"
deploy/build.sh target/deploy-dist
cargo build --release -p cloudsim

if [ "$layers" != nginx ]; then
  step "end to end: Playwright in headless Chromium, the app behind nginx (deploy/nginx/) and cloudsim"
  (cd tests/e2e && npx playwright test)
fi

step "deployment: Playwright against nginx serving the build (cache, compression and security headers, the proxy)"
(cd tests/e2e && npx playwright test -c nginx/playwright.config.ts)

if [ "$layers" != nginx ]; then
  step "development: trunk serve (the unsplit build) smoke test"
  (cd tests/e2e && npx playwright test -c dev/playwright.config.ts)
fi
