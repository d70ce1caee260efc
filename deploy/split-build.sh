#!/usr/bin/env bash
# The production build, split by route: deploy/split-build.sh OUT_DIR [cargo args...]
# (deploy/build.sh calls it, then adds the production CSP and the precompressed files).
#   1. cargo build --release --target wasm32-unknown-unknown --features split, with the
#      relocations kept (-Clink-args=--emit-relocs: wasm-split reads them), in a target
#      dir of its own (target/split: other RUSTFLAGS would rebuild everything else);
#   2. wasm-split-cli: the main module, one WASM per `maybe_lazy!` split point
#      (src/ui/lazy.rs) plus chunks of what several share, and the loader that fetches them
#      (__wasm_split.js);
#   3. wasm-bindgen --target web on the main module (the lld exports kept, nothing
#      demangled: the chunks import the table, the memory and the shared globals by name);
#   4. wasm-opt on every module, with index.html's settings (data-wasm-opt, its params);
#   5. deploy/assemble.py: the JS minified (terser), content hashes in every name,
#      index.html (preloads, the route → split map boot.js preloads a deep link's page from).
# `trunk serve` (development) builds the one unsplit WASM from the same sources.
set -euo pipefail
OUT=$(realpath -m "$1")
shift
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\033[1;34m[split]\033[0m %s\n' "$*" >&2; }

export CARGO_TARGET_DIR=${SPLIT_TARGET_DIR:-$ROOT/target/split}
export RUSTFLAGS="${RUSTFLAGS:-} -Clink-args=--emit-relocs"
step "cargo build --locked --release --target wasm32-unknown-unknown --features split $*"
cargo build --locked --release --target wasm32-unknown-unknown -p skyglass --bin skyglass --features split "$@"
IN=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/skyglass.wasm

WORK=$CARGO_TARGET_DIR/split-out
rm -rf "$WORK" && mkdir -p "$WORK"
step "wasm-split-cli"
wasm-split-cli "$IN" "$WORK" --target web --out-name skyglass 2> >(grep -v 'unknown name subsection' >&2)
step "wasm-bindgen --target web --keep-lld-exports --no-demangle"
wasm-bindgen "$WORK/skyglass.wasm" --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$WORK" --out-name skyglass
rm -f "$WORK/skyglass.wasm"

# index.html's wasm-opt settings, as Trunk reads them: data-wasm-opt="z" → -Oz, and its params.
level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html)
params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
[ -n "$level" ] || { echo "index.html has no data-wasm-opt" >&2; exit 1; }
step "wasm-opt -O$level $params (every module)"
for f in "$WORK"/*.wasm; do
  # shellcheck disable=SC2086
  wasm-opt "-O$level" $params "$f" -o "$f" 2> >(grep -v 'unknown name subsection' >&2)
done

step "assembling $OUT"
python3 deploy/assemble.py "$WORK" "$OUT"
