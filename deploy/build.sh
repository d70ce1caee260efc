#!/usr/bin/env bash
# The production build: deploy/build.sh [OUT_DIR]   (default dist/; nginx serves it, see
# deploy/nginx/app.conf)
#   1. the release build split by route (deploy/split-build.sh) into OUT_DIR: index.html,
#      main-<hash>.css, boot-<hash>.js, skyglass-<hash>.js (the JS glue),
#      skyglass-<hash>_bg.wasm (the main module: the shell and the overview),
#      __wasm_split-<hash>.js (the loader of the rest) and <split or chunk>-<hash>.wasm (each
#      page, the Demo cloud, and what several of them share);
#   2. removes the development allowance for loopback (`http://127.0.0.1:* http://localhost:*`,
#      for `trunk serve` against a local cloudsim) from index.html's <meta> CSP, so that it
#      says connect-src 'self' as nginx's header does (deploy/nginx/security-headers.conf);
#   3. precompresses every text and wasm file: FILE.gz (zopfli when installed, else gzip -9)
#      and FILE.br (brotli -q 11) beside FILE, with FILE's mtime, for nginx's gzip_static
#      and brotli_static.
# Extra arguments go to cargo (e.g. --no-default-features: no Demo cloud).
# Needs the tools of `scripts/setup.sh build`, and brotli (`scripts/setup.sh test` installs
# brotli and zopfli). Relative OUT_DIR: from the current directory.
set -euo pipefail
OUT=$(realpath -m "${1:-$(dirname "$0")/../dist}")
shift || true
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\033[1;34m[deploy]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[deploy]\033[0m %s\n' "$*" >&2; exit 1; }

command -v brotli >/dev/null || die "brotli is missing: apt-get install brotli (or scripts/setup.sh test)"

step "deploy/split-build.sh $OUT $*"
deploy/split-build.sh "$OUT" "$@"

step "index.html: the production Content-Security-Policy (no loopback in connect-src)"
LOOPBACK=' http://127.0.0.1:* http://localhost:*'
html="$OUT/index.html"
grep -qF "connect-src 'self'$LOOPBACK;" "$html" ||
  die "index.html's CSP has no \"connect-src 'self'$LOOPBACK;\" to remove: update deploy/build.sh with index.html"
sed -i "s|connect-src 'self' http://127\.0\.0\.1:\* http://localhost:\*;|connect-src 'self';|" "$html"
if grep -qE '127\.0\.0\.1|localhost' "$html"; then die "index.html still names a loopback address"; fi

if command -v zopfli >/dev/null; then gz="zopfli"; else gz="gzip -9"; fi
step "precompressing: .br (brotli -q 11) and .gz ($gz)"
count=0
while IFS= read -r -d '' f; do
  rm -f "$f.gz" "$f.br"
  if [ "$gz" = zopfli ]; then zopfli --gzip "$f"; else gzip -9 -k -n "$f"; fi
  brotli -q 11 -k -f "$f"
  touch -r "$f" "$f.gz" "$f.br"
  count=$((count + 1))
done < <(find "$OUT" -type f \( -name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' \
  -o -name '*.wasm' -o -name '*.json' -o -name '*.svg' -o -name '*.txt' -o -name '*.xml' \
  -o -name '*.map' -o -name '*.ico' \) -print0)

step "$count files precompressed in $OUT:"
(cd "$OUT" && find . -type f ! -name '*.gz' ! -name '*.br' -printf '%P\n' | sort | while read -r f; do
  printf '  %-40s %9s B  br %9s B  gz %9s B\n' "$f" "$(stat -c %s "$f")" \
    "$( [ -e "$f.br" ] && stat -c %s "$f.br" || echo -)" "$( [ -e "$f.gz" ] && stat -c %s "$f.gz" || echo -)"
done) >&2
