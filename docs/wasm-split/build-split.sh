#!/usr/bin/env bash
# WASM code splitting for a Leptos 0.8 CSR app without cargo-leptos (mirrors cargo-leptos 0.3 front.rs).
# usage: ./build-split.sh [--hash]        env: PROFILE=release|dev  WASM_OPT=path  DIST=dir
set -euo pipefail
cd "$(dirname "$0")"
NAME=splitlab                                   # bin/lib name -> target/.../$NAME.wasm
DIST=${DIST:-dist}
PROFILE=${PROFILE:-release}
WASM_OPT=${WASM_OPT:-/work/main/tools/node_modules/binaryen/bin/wasm-opt}   # binaryen version_132
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-splitlab}
# 1. build with relocations kept in the output: wasm-split needs them (cargo-leptos adds exactly this)
export RUSTFLAGS="${RUSTFLAGS:-} -Clink-args=--emit-relocs"
cargo build --target wasm32-unknown-unknown --profile "$PROFILE" --features split ${CARGO_ARGS:-}
dir=$PROFILE; [ "$PROFILE" = dev ] && dir=debug
IN=$CARGO_TARGET_DIR/wasm32-unknown-unknown/$dir/$NAME.wasm
rm -rf "$DIST"; mkdir -p "$DIST"
# 2. split BEFORE wasm-bindgen: writes $DIST/$NAME.wasm (main, still to be bindgen'd),
#    $DIST/split_<name>_<hash>.wasm / chunk_<n>_*.wasm and $DIST/__wasm_split.js,
#    which does `import { initSync } from "./$NAME.js"`
wasm-split-cli "$IN" "$DIST" --target web --out-name "$NAME"
# 3. wasm-bindgen on the split main module; keep the lld exports (table, memory, shared
#    globals) the chunks import, and don't demangle (the split symbols must stay as is)
wasm-bindgen "$DIST/$NAME.wasm" --target web --keep-lld-exports --no-demangle \
  --out-dir "$DIST" --out-name "$NAME"
rm -f "$DIST/$NAME.wasm" "$DIST"/*.d.ts
# 4. optimise every module (cargo-leptos does it on the main wasm and each chunk, release only)
if [ "$PROFILE" != dev ]; then
  for f in "$DIST"/*.wasm; do
    "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      ${WASM_OPT_EXTRA:-} "$f" -o "$f"
  done
fi
# 5. manifest, optional content hashes, index.html
python3 postprocess.py "$DIST" "$NAME" index.tmpl.html boot.js "$@" --route /big=__big_page_view
ls -l "$DIST"
