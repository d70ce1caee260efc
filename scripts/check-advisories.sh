#!/usr/bin/env bash
# make audit: the RustSec advisories against every crate in Cargo.lock (cargo deny check
# advisories, deny.toml's [advisories]). Needs the RustSec advisory database: cargo-deny fetches
# it into $CARGO_HOME/advisory-dbs/; with AUDIT_OFFLINE=1 it uses the copy already there.
# Exit status: 0 when the database was read and no advisory applies; 1 when one does (or the
# check failed otherwise); 2 when the database could not be had: then advisories were NOT
# checked, and the script says so instead of passing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
db_root=${CARGO_HOME:-$HOME/.cargo}/advisory-dbs
offline=()
[ "${AUDIT_OFFLINE:-}" = 1 ] && offline=(--offline)

mkdir -p target
log=target/audit.log
set +e
cargo deny --locked "${offline[@]}" --workspace check advisories 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# A database that was read has its advisories on disk; cargo-deny names a fetch or open failure.
have_db=0
compgen -G "$db_root/*/crates" >/dev/null && have_db=1
if [ "$rc" -ne 0 ] && { [ "$have_db" = 0 ] || grep -qiE "failed to (fetch|open|load).*advisory|advisory database" "$log"; }; then
  cat >&2 <<EOF

make audit: ADVISORIES NOT CHECKED. The RustSec advisory database could not be fetched or
opened (cargo-deny's message above; expected copy under $db_root). This is not a pass.
On a machine that can reach the database, run \`make audit\` again; or copy an advisory-db
checkout there and run \`AUDIT_OFFLINE=1 make audit\`.
EOF
  exit 2
fi
if [ "$rc" -ne 0 ]; then
  echo "make audit: advisories found (above), or the check failed: exit $rc" >&2
  exit 1
fi
echo "make audit: no advisory applies to Cargo.lock (database under $db_root)"
