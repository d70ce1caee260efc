#!/usr/bin/env python3
"""Post-process a wasm-split + wasm-bindgen output dir (flat, fixed names) into a deployable dist:
 - derive the prefetch manifest (split name -> chunk files) from __wasm_split.js
 - optionally rename every asset with a content hash and rewrite the references
 - write index.html from index.tmpl.html
usage: postprocess.py DIST NAME TEMPLATE BOOT_JS [--hash] [--route /prefix=split_prefix ...]"""
import hashlib, json, os, re, shutil, sys

dist, name, tmpl, boot = sys.argv[1:5]
rest = sys.argv[5:]
do_hash = "--hash" in rest
routes = [rest[i + 1] for i, a in enumerate(rest) if a == "--route"]
link = "__wasm_split.js"
J = lambda *p: os.path.join(dist, *p)
src = open(J(link)).read()

# --- manifest, same shape as cargo-leptos' __wasm_split_manifest.json (values without .wasm)
chunk_vars = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)\.wasm"', src))
manifest = {}
for m in re.finditer(r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?)\n, \[([^\]]*)\]\)\);', src, re.S):
    key, fetcher, deps = m.groups()
    files = [chunk_vars[d.strip()] for d in deps.split(",") if d.strip()]
    own = re.search(r'new URL\("\./([^"]+)\.wasm"', fetcher)
    if own:
        files.append(own.group(1))
    manifest[key] = files
json.dump(manifest, open(J("__wasm_split_manifest.json"), "w"), indent=2)

def h(data):  # 16 hex chars of sha256, like trunk's short hashes
    return hashlib.sha256(data).hexdigest()[:16]

js, wasm = f"{name}.js", f"{name}_bg.wasm"
chunks = sorted(f for f in os.listdir(dist) if f.endswith(".wasm") and f != wasm)
names = {f: f for f in chunks + [js, wasm, link, "boot.js"]}
shutil.copy(boot, J("boot.js"))
if do_hash:
    # 1. chunks: leaves; rename and rewrite their names in the link file
    for f in chunks:
        names[f] = f"{f[:-5]}-{h(open(J(f),'rb').read())}.wasm"
        src = src.replace(f'"./{f}"', f'"./{names[f]}"')
    # 2. main wasm: independent (the glue gets its URL from boot.js)
    names[wasm] = f"{name}_bg-{h(open(J(wasm),'rb').read())}.wasm"
    # 3. glue <-> link file import each other: one hash over both (placeholders for the cycle)
    glue = open(J(js)).read()
    pair = h((glue + "\0" + src).encode())
    names[js], names[link] = f"{name}-{pair}.js", f"__wasm_split-{pair}.js"
    # only the import specifiers; the import-object keys must stay "./__wasm_split.js": they
    # are the module name inside the wasm binary (cargo-leptos instead uses a 22-char
    # placeholder name and patches the wasm bytes in place, same length)
    glue = glue.replace(f'from "./{link}"', f'from "./{names[link]}"')
    src = src.replace(f'from "./{js}"', f'from "./{names[js]}"')
    open(J(js), "w").write(glue); open(J(link), "w").write(src)
    names["boot.js"] = f"boot-{h(open(J('boot.js'),'rb').read())}.js"
    for old, new in names.items():
        if old != new:
            os.rename(J(old), J(new))
    # the manifest names the renamed files (cargo-leptos rewrites it the same way, sans .wasm)
    manifest = {k: [names[v + ".wasm"][:-5] for v in vs] for k, vs in manifest.items()}
    json.dump(manifest, open(J("__wasm_split_manifest.json"), "w"), indent=2)

route_chunks = {}
for r in routes:
    prefix, split = r.split("=", 1)
    keys = [k for k in manifest if k.startswith(split + "_")]
    if len(keys) != 1:
        sys.exit(f"route {r}: expected one split named {split}_<hash>, got {keys}")
    route_chunks[prefix] = [v + ".wasm" for v in manifest[keys[0]]]
html = open(tmpl).read()
for k, v in {"@JS@": names[js], "@LINK@": names[link], "@WASM@": names[wasm], "@BOOT@": names["boot.js"],
             "@ROUTE_CHUNKS@": json.dumps(route_chunks)}.items():
    html = html.replace(k, v)
open(J("index.html"), "w").write(html)
print(json.dumps({"files": names, "manifest": manifest, "route_chunks": route_chunks}, indent=1))
