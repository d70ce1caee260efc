#!/usr/bin/env python3
"""Assembles the split build (deploy/split-build.sh) into a deployable directory.

    deploy/assemble.py WORK OUT

WORK holds what wasm-split, wasm-bindgen and wasm-opt wrote: skyglass.js (the JS glue),
skyglass_bg.wasm (the main module), __wasm_split.js (the loader of the split-off parts) and
one .wasm per split point or shared chunk. OUT gets them, and style/main.css and boot.js
(the JS minified by terser), each named with a hash of its content (NAME-<16 hex>.EXT, the
scheme deploy/nginx caches for a year), and index.html made from the repository's
index.html: its Trunk directives become the tags Trunk writes (the stylesheet and boot.js
with their integrity, the preloads boot.js reads the glue's and the WASM's names from),
plus a modulepreload of the loader and <meta name="skyglass-route-chunks">: for each route of src/ui/app.rs whose page is split off
(`view=|| lazy_view(page_x())`, `maybe_lazy! { [part] fn page_x() ..`), a pattern of its
path and the files of its part, and the Demo connections' ids with the Demo cloud's files:
what boot.js preloads for the page a deep link opens.

The glue and the loader import each other, so they share one hash (over both). Only their
import specifiers are renamed: the key "./__wasm_split.js" of the glue's import object is
the module name inside the WASM and stays as it is.
"""
import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = "__wasm_split.js"
GLUE = "skyglass.js"
MAIN = "skyglass_bg.wasm"


def fail(msg):
    sys.exit(f"assemble: {msg}")


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def integrity(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def manifest_of(loader: str) -> dict:
    """Split name → the files it needs (shared chunks first), from the loader's source."""
    chunk_vars = dict(re.findall(
        r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+\.wasm)"', loader))
    manifest = {}
    for m in re.finditer(
            r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?)\n, \[([^\]]*)\]\)\);', loader, re.S):
        key, fetcher, deps = m.groups()
        files = [chunk_vars[d.strip()] for d in deps.split(",") if d.strip()]
        own = re.search(r'new URL\("\./([^"]+\.wasm)"', fetcher)
        if own:
            files.append(own.group(1))
        manifest[key] = files
    if not manifest:
        fail(f"found no split in {LINK}: has wasm-split's loader changed its form?")
    return manifest


def routes_of(app_rs: str) -> list:
    """(path pattern, part) of every route whose page is split off: the routes
    `<Route path=path!(P) view=|| lazy_view(page())/>` and `maybe_lazy! { [part] fn page() ..`."""
    routes = re.findall(r'<Route path=path!\("([^"]+)"\) view=\|\| lazy_view\((\w+)\(\)\)/>', app_rs)
    parts = dict((fn, part) for part, fn in re.findall(r'maybe_lazy! \{ \[(\w+)\] fn (\w+)\(', app_rs))
    if not routes:
        fail("src/ui/app.rs has no `<Route path=path!(..) view=|| lazy_view(page())/>`")
    out = []
    for path, page in routes:
        if page not in parts:
            fail(f"src/ui/app.rs: no `maybe_lazy! {{ [part] fn {page}()` for route {path}")
        pattern = "^" + re.sub(r":[a-z_]+", "[^/]+", re.escape(path).replace("\\:", ":")) + "/?$"
        out.append((pattern, parts[page]))
    return out


def minified(js: str) -> str:
    """`js` (an ES module) compressed and mangled by terser (tools/, installed by
    scripts/setup.sh): what is exported keeps its name."""
    terser = ROOT / "tools/node_modules/.bin/terser"
    if not terser.exists():
        fail(f"{terser} is missing: run scripts/setup.sh")
    done = subprocess.run([str(terser), "--module", "--compress", "--mangle"],
                          input=js, capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip():
        fail(f"terser failed: {done.stderr.strip()}")
    return done.stdout


def renamed(js: str, before: str, name: str, new: str) -> str:
    """`js` with its string "./NAME" (after `before`: "from" for an import) renamed to
    "./NEW", in either quotes, as written by wasm-split and wasm-bindgen or by terser."""
    pattern = re.compile(rf"""({re.escape(before)}\s*)(["'])\./{re.escape(name)}\2""")
    js, n = pattern.subn(lambda m: f"{m.group(1)}{m.group(2)}./{new}{m.group(2)}", js)
    if n == 0:
        fail(f"found no {before} \"./{name}\" to rename")
    return js


def main():
    work, out = Path(sys.argv[1]), Path(sys.argv[2])
    loader = (work / LINK).read_text()
    manifest = manifest_of(loader)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    names = {}
    # 1. the split-off parts: leaves; their names in the loader follow
    for f in sorted(p.name for p in work.glob("*.wasm") if p.name != MAIN):
        names[f] = f"{f[:-5]}-{short_hash((work / f).read_bytes())}.wasm"
        loader = renamed(loader, "", f, names[f])
    # 2. the main module: boot.js passes its address to the glue
    names[MAIN] = f"skyglass-{short_hash((work / MAIN).read_bytes())}_bg.wasm"
    # 3. the glue and the loader: one hash over both
    glue = minified((work / GLUE).read_text())
    loader = minified(loader)
    pair = short_hash((glue + "\0" + loader).encode())
    names[GLUE], names[LINK] = f"skyglass-{pair}.js", f"__wasm_split-{pair}.js"
    glue = renamed(glue, "from", LINK, names[LINK])
    loader = renamed(loader, "from", GLUE, names[GLUE])
    for f, new in names.items():
        if f in (GLUE, LINK):
            continue
        shutil.copyfile(work / f, out / new)
    (out / names[GLUE]).write_text(glue)
    (out / names[LINK]).write_text(loader)
    # 4. the stylesheet and the starter
    css = (ROOT / "style/main.css").read_bytes()
    boot = minified((ROOT / "boot.js").read_text()).encode()
    css_name, boot_name = f"main-{short_hash(css)}.css", f"boot-{short_hash(boot)}.js"
    (out / css_name).write_bytes(css)
    (out / boot_name).write_bytes(boot)

    # 5. the route → files map, and the Demo connections' ids (core/src/services/*/info.rs)
    # with the Demo cloud's files, which a deep link into a Demo connection needs too
    route_chunks = []
    for pattern, page in routes_of((ROOT / "src/ui/app.rs").read_text()):
        if page not in manifest:
            fail(f"part {page}: wasm-split made no part of that name")
        route_chunks.append([pattern, ["/" + names[f] for f in manifest[page]]])
    demo_ids = sorted(set(re.findall(
        r'demo: Demo \{\s*id: "([^"]+)"',
        "".join(p.read_text() for p in sorted((ROOT / "core/src/services").glob("*/info.rs"))))))
    if not demo_ids:
        fail("found no `demo: Demo { id: .. }` in core/src/services/*/info.rs")
    demo_files = ["/" + names[f] for f in manifest.get("demo_cloud", [])]
    preload = {"routes": route_chunks, "demo": {"ids": demo_ids, "files": demo_files}}

    # 6. index.html: Trunk's directives replaced by the tags Trunk would write
    page = (ROOT / "index.html").read_text()
    css_tag = f'<link rel="stylesheet" href="/{css_name}" integrity="{integrity(css)}"/>'
    rust_tags = "\n    ".join([
        f'<link rel="modulepreload" href="/{names[GLUE]}" crossorigin="anonymous" data-skyglass="js" />',
        f'<link rel="preload" href="/{names[MAIN]}" as="fetch" type="application/wasm" crossorigin="anonymous" data-skyglass="wasm" />',
        f'<link rel="modulepreload" href="/{names[LINK]}" crossorigin="anonymous" />',
        f'<meta name="skyglass-route-chunks" content="{html.escape(json.dumps(preload, separators=(",", ":")))}" />',
    ])
    boot_tag = f'<script src="/{boot_name}" integrity="{integrity(boot)}" type="module"></script>'
    for pattern, tag in [
        (r'<link data-trunk rel="css" href="style/main.css"\s*/>', css_tag),
        (r'<link data-trunk rel="rust"[^>]*/>', rust_tags),
        (r'<script data-trunk type="module" src="boot.js"></script>', boot_tag),
    ]:
        page, n = re.subn(pattern, lambda _: tag, page, flags=re.S)
        if n != 1:
            fail(f"index.html: expected one match of {pattern}")
    page = re.sub(r"\s*<!--.*?-->", "", page, flags=re.S)
    if "data-trunk" in page:
        fail("index.html has a Trunk directive assemble.py does not know")
    (out / "index.html").write_text(page)

    for f in sorted(os.listdir(out)):
        print(f"  {f:56} {(out / f).stat().st_size:9} B", file=sys.stderr)


main()
