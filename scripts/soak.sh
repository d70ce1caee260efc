#!/usr/bin/env bash
# make soak: the long soak (tests/e2e/soak.spec.ts with SOAK_MINUTES, default 120) in
# headless Chromium, in real time: the app has no simulated clock, and a fast-forwarded
# browser clock would still wait for real fetches, so it would not compress the run honestly.
# Not part of `make test` (whose 150 s form of the same test runs the same checks).
#   1. the production build and cloudsim (deploy/build.sh, cargo build --release -p cloudsim),
#      unless SOAK_NO_BUILD=1;
#   2. a copy of both under target/soak/ (with SOAK_LOCK=FILE, steps 1 and 2 hold flock FILE,
#      for machines where other runs rebuild target/deploy-dist), so that the run that follows
#      shares no file, port (18180, 18889) or nginx prefix with the other suites;
#   3. Playwright with tests/e2e/soak/playwright.config.ts. The figures: target/soak/soak.json
#      (every sample), the summary line: target/soak/soak.log.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export SOAK_MINUTES=${SOAK_MINUTES:-120}
export SOAK_OUT=$ROOT/target/soak/soak.json

prepare() {
  if [ "${SOAK_NO_BUILD:-}" != 1 ]; then
    deploy/build.sh target/deploy-dist
    cargo build --locked --release -p cloudsim
  fi
  rm -rf target/soak/dist
  mkdir -p target/soak
  cp -a target/deploy-dist target/soak/dist
  cp target/release/cloudsim target/soak/cloudsim
}
if [ -n "${SOAK_LOCK:-}" ]; then
  export -f prepare
  flock "$SOAK_LOCK" bash -c prepare
else
  prepare
fi

echo "soak: $SOAK_MINUTES minutes from $(date -u +%H:%M:%S) UTC; figures in $SOAK_OUT" >&2
cd tests/e2e
npx --no playwright test -c soak/playwright.config.ts 2>&1 | tee "$ROOT/target/soak/soak.log"
