#!/usr/bin/env bash
# `make bench`: builds what the benchmark needs, then runs it (bench/bench.mjs).
#   1. the production build, as nginx serves it: deploy/build.sh (split by route, hashed
#      names, the production CSP, .br and .gz beside every file) into bench/out/app, and
#      without the Demo feature into bench/out/app-nodemo (BENCH_NODEMO=0 skips that one:
#      its lines are for information);
#   2. the cloudsim server (target/release/cloudsim);
#   3. the decode helper (bench/decode): a wasm32 release build, wasm-bindgen --target web
#      and wasm-opt -Oz with the app's flags (index.html), into bench/out/decode; its page
#      gives figure 5 the load-all round-trip floors from the app's own planners.
# Nothing is downloaded here: the crates and tools are the ones scripts/setup.sh fetched and
# installed. Exit status: 0 when the benchmark ran (whatever the figures say),
# non-zero when it could not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*" >&2; }

step "building the production app (deploy/build.sh bench/out/app)"
deploy/build.sh bench/out/app
if [ "${BENCH_NODEMO:-1}" != 0 ]; then
  step "building it without the Demo feature (deploy/build.sh bench/out/app-nodemo --no-default-features)"
  deploy/build.sh bench/out/app-nodemo --no-default-features
else
  rm -rf bench/out/app-nodemo
fi

step "building cloudsim"
cargo build --locked --release -p cloudsim

step "building the decode helper (bench/out/decode)"
cargo build --locked --release --target wasm32-unknown-unknown -p skyglass-bench-decode
rm -rf bench/out/decode
wasm-bindgen --target web --no-typescript --out-dir bench/out/decode \
  target/wasm32-unknown-unknown/release/skyglass_bench_decode.wasm
# The same wasm-opt pass as the app's (index.html: data-wasm-opt="z" and its flags).
wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  bench/out/decode/skyglass_bench_decode_bg.wasm -o bench/out/decode/skyglass_bench_decode_bg.wasm
cp bench/decode/page/index.html bench/decode/page/decode.js bench/out/decode/

step "running the benchmark (headless Chromium, nginx and cloudsim on 127.0.0.1)"
exec node bench/bench.mjs
