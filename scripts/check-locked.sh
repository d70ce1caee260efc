#!/usr/bin/env bash
# The supply chain's check (issue 23, point 9), run early by scripts/test.sh: every build,
# install or test that our scripts run uses the versions a lock file names, and nothing is
# downloaded unpinned at run time.
#   scripts/check-locked.sh              checks scripts/, deploy/, bench/, .ci/ and the Makefile
#   scripts/check-locked.sh --self-test  first shows that the rules catch known-bad lines
# The rules, for every command line (backslash continuations joined, full-line comments left out):
#   - `cargo build|install|test|run|clippy|check|fetch|bench|doc|rustc|metadata|deny` carries
#     --locked (or --frozen): Cargo.lock, never a fresh resolution;
#   - `cargo install` names a version (crate@x.y.z) or a path (--path, a crate with a lock file
#     of ours such as tools/wasm-bindgen-cli);
#   - `trunk build|serve` carries --locked too (it runs cargo build);
#   - npm installs with `npm ci` only (package-lock.json), never `npm install`/`npm i`, and every
#     package.json of ours has its package-lock.json;
#   - `npx` is given --no (a missing package fails instead of being downloaded);
#   - tools/wasm-bindgen-cli (the locked wasm-bindgen CLI scripts/setup.sh installs) is at the
#     wasm-bindgen version of Cargo.lock, and its own Cargo.lock says so.
# Exit status: 0 when every rule holds, 1 with one line per offence otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import glob, os, re, sys, tomllib

CARGO = re.compile(
    r"(?:^|[;&|(`]|\$\(|\b(?:then|do|else|exec|time|nice(?:\s+-n\s*-?\d+)?|env)\s)\s*"
    r"(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*cargo\s+(?:\+\S+\s+)?"
    r"(build|install|test|run|clippy|check|fetch|bench|doc|rustc|metadata|deny)\b([^;&|)`]*)"
)
TRUNK = re.compile(r"(?:^|[;&|(]|\bexec\s)\s*trunk\s+(build|serve)\b([^;&|)`]*)")
NPM = re.compile(r"(?:^|[;&|(]|\bexec\s)\s*npm\s+(install|i|add)\b")
NPX = re.compile(r"(?:^|[;&|(]|\bexec\s)\s*npx\s+(?!--no\b|--no-install\b)")


def logical_lines(text):
    """Command lines: continuations joined, full-line comments (and Makefile's ## docs) dropped."""
    out, cur, start = [], "", 0
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not cur:
            start = n
        if line.lstrip().startswith("#"):
            continue
        if line.endswith("\\"):
            cur += line[:-1] + " "
            continue
        cur += line
        out.append((start, cur))
        cur = ""
    if cur:
        out.append((start, cur))
    return out


def offences(name, text):
    found = []
    for n, line in logical_lines(text):
        for m in CARGO.finditer(line):
            sub, args = m.group(1), m.group(2)
            if re.match(r"\s*(--version|-V|--help|-h)\b", args) or (sub == "install" and re.search(r"--list\b", args)):
                continue  # a question, not a build
            if not re.search(r"--(locked|frozen)\b", args):
                found.append(f"{name}:{n}: `cargo {sub}` without --locked: {line.strip()}")
            if sub == "install" and not re.search(r"(\w@(\d|\$)|--path\b|--version\b)", args):
                found.append(f"{name}:{n}: `cargo install` of no pinned version or path: {line.strip()}")
        for m in TRUNK.finditer(line):
            if not re.search(r"--(locked|frozen)\b", m.group(2)):
                found.append(f"{name}:{n}: `trunk {m.group(1)}` without --locked: {line.strip()}")
        if NPM.search(line):
            found.append(f"{name}:{n}: `npm install` (use `npm ci`, the lock file): {line.strip()}")
        if NPX.search(line):
            found.append(f"{name}:{n}: `npx` without --no (it would download a missing package): {line.strip()}")
    return found


def self_test():
    bad = [
        "cargo build --release -p cloudsim",
        "  (cd x && cargo install --force \"wasm-bindgen-cli@$wbg\")",
        "cargo install --locked trunk",
        "\tSKYGLASS_FUZZ_CASES=1 cargo test --release -p skyglass-core",
        "nice -n 19 cargo clippy --workspace \\\n  -- -D warnings",
        "x=$(cargo metadata --format-version 1)",
        "if true; then cargo run -p cloudsim; fi",
        "(cd tools && npm install)",
        "(cd tests/e2e && npx playwright test)",
        "\ttrunk serve --offline --release",
    ]
    good = [
        "cargo build --locked --release -p cloudsim",
        "cargo install --locked \"trunk@$TRUNK_VERSION\"",
        "cargo install --locked --path tools/wasm-bindgen-cli --force",
        "if ! cargo install --list | grep -q x; then",
        "[ \"$(cargo deny --version 2>/dev/null)\" = x ]",
        "step \"cargo build --release $*\"",
        "# cargo build --release",
        "cargo fmt --all -- --check",
        "(cd tools && npm ci --no-audit)",
        "(cd tests/e2e && npx --no playwright test)",
        "cargo build --release \\\n  --locked -p cloudsim",
        "\ttrunk serve --offline --release --locked",
    ]
    failed = [b for b in bad if not offences("bad", b)] + [g for g in good if offences("good", g)]
    for f in failed:
        print(f"check-locked self-test: misjudged: {f!r}", file=sys.stderr)
    if failed:
        sys.exit(1)
    print(f"check-locked self-test: {len(bad)} bad lines caught, {len(good)} good lines passed")


if "--self-test" in sys.argv[1:]:
    self_test()

files = sorted(
    (set(glob.glob("scripts/*.sh") + glob.glob("deploy/*.sh") + glob.glob("bench/*.sh"))
     | {f for f in ("Makefile", ".ci/run") if os.path.exists(f)})
    - {"scripts/check-locked.sh"}  # its self-test's bad lines
)
problems = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        problems += offences(f, fh.read())

for root, dirs, names in os.walk("."):
    dirs[:] = [d for d in dirs if d not in ("node_modules", "target", ".git")]
    if "package.json" in names and "package-lock.json" not in names:
        problems.append(f"{root}/package.json has no package-lock.json (npm ci needs it)")


def locked_version(lock_path, name):
    with open(lock_path, "rb") as fh:
        return [p["version"] for p in tomllib.load(fh)["package"] if p["name"] == name]


wbg = locked_version("Cargo.lock", "wasm-bindgen")
with open("tools/wasm-bindgen-cli/Cargo.toml", "rb") as fh:
    cli_req = tomllib.load(fh)["dependencies"]["wasm-bindgen-cli"]
cli_lock = locked_version("tools/wasm-bindgen-cli/Cargo.lock", "wasm-bindgen-cli")
if len(wbg) != 1 or cli_req != f"={wbg[0]}" or cli_lock != wbg:
    problems.append(
        f"tools/wasm-bindgen-cli: wasm-bindgen-cli {cli_req} (its Cargo.lock: {cli_lock}) is not the "
        f"wasm-bindgen of Cargo.lock ({wbg}): bump it (tools/wasm-bindgen-cli/Cargo.toml says how)"
    )

for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check-locked: {len(files)} scripts, every cargo command locked, every install pinned")
PY
