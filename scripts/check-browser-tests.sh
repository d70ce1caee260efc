#!/usr/bin/env bash
# Every browser test file ran (issue 23, point 17): scripts/check-browser-tests.sh LOG, where LOG
# is the output of the browser step's `cargo test --target wasm32-unknown-unknown` (scripts/test.sh
# browser writes it to target/browser-tests.log). Fails, naming the file, when a tests/browser*.rs
# has no "Running tests/NAME.rs" line in it: a browser test file that exists but did not run
# (left out of the targets, or not a test target of the crate) no longer passes unnoticed.
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:?usage: $0 CARGO_TEST_LOG}
files=(tests/browser*.rs)
[ -e "${files[0]}" ] || { echo "check-browser-tests: no tests/browser*.rs at all" >&2; exit 1; }
# The log without colour codes, read whole by grep: no `sed | grep -q` pipe, whose early exit
# kills sed with SIGPIPE and, under pipefail, reads as "not found" once the log is long (a clean
# clone's compile lines made it so in CI).
plain=$(mktemp)
trap 'rm -f "$plain"' EXIT
sed 's/\x1b\[[0-9;]*m//g' "$log" > "$plain"
missing=0
for f in "${files[@]}"; do
  # cargo's own line: "     Running tests/browser_auth.rs (target/wasm32-unknown-unknown/...)".
  if ! grep -qF "Running $f (" "$plain"; then
    echo "check-browser-tests: $f did not run (no \"Running $f\" in $log)" >&2
    missing=1
  fi
done
[ "$missing" = 0 ] || exit 1
echo "check-browser-tests: all ${#files[@]} browser test files ran (${files[*]})"
