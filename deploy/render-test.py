#!/usr/bin/env python3
"""Renders a runnable nginx configuration for tests from deploy/nginx/, changing only what
a test machine must: the web root, and every upstream's address.

    deploy/render-test.py --prefix DIR --port PORT --root DIST --upstream URL
                          [--route NAME=URL ...] [--production-limits] [--check]
    deploy/render-test.py --prefix DIR --production-check [--serve HTTP_PORT,HTTPS_PORT]

The first form writes, under DIR (an nginx prefix; made if missing, its config rewritten):

    DIR/nginx.conf      top level: `daemon off;`, pid, logs and every *_temp_path under
                        DIR, the brotli_static module when installed, /etc/nginx/mime.types,
                        skyglass/rate-limits.conf (http context, as skyglass.conf has it),
                        and `server { listen 127.0.0.1:PORT; include skyglass/app.conf; }`
                        (plain HTTP, so no HSTS)
    DIR/skyglass/       deploy/nginx/'s files: security-headers.conf, proxy.conf and
                        proxy-access.conf as they are, rate-limits.conf with its rates raised
                        to TEST_RATE (see below), app.conf with `root DIST;`, upstreams/*.conf
                        with every proxy_pass sent to URL, plus upstreams/e2e.conf
                        (/proxy/e2e/ → URL) and one /proxy/NAME/ file per --route, written
                        like the others

The rate limits: the test suites send all their traffic from 127.0.0.1, sign in dozens of
times in a row and load thousands of instances, so the rendering raises every zone's rate
(`rate=...`) to TEST_RATE; nothing else of the limits changes (zones, keys, bursts, the 429).
--production-limits keeps rate-limits.conf as it is: tests/e2e/nginx/limits.spec.ts runs an
nginx of its own with it, and shows a burst getting 429s at the production values.

and prints the command that runs it in the foreground:
`nginx -p DIR -c DIR/nginx.conf -e DIR/logs/error.log`. --check runs `nginx -t` on it.

The second form checks the production server file (deploy/nginx/skyglass.conf) as it is,
with its certificate paths pointed at a throwaway self-signed certificate: `nginx -t`.
With --serve, its `listen 80`/`listen 443` become 127.0.0.1:HTTP_PORT/HTTPS_PORT (the IPv6
ones are dropped), so that a test can run it and talk TLS to it; nothing else changes.

Running as root (tests here do), the workers run as root too (`user root;`, this file
only), so that they can read a build anywhere; production nginx keeps Debian's www-data,
which must be able to read /srv/skyglass.
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
NGINX_DIR = DEPLOY / "nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
TEMP_PATHS = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]

TEST_RATE = "1000r/s"
RATE = re.compile(r"\brate=\d+r/[sm]\b")

PROXY_PASS = re.compile(r"^(\s*proxy_pass\s+)https?://[^;\s]+(\s*;)", re.M)
ROOT = re.compile(r"^(\s*root\s+)[^;]+(;)", re.M)


def fail(msg: str) -> None:
    print(f"render-test: {msg}", file=sys.stderr)
    sys.exit(2)


def upstream_url(url: str) -> str:
    """An address nginx can proxy_pass to with the prefix stripped: http://host:port/."""
    if not re.fullmatch(r"https?://[A-Za-z0-9.\[\]:-]+/?", url):
        fail(f"an upstream is scheme://host:port[/], not {url!r}")
    return url if url.endswith("/") else url + "/"


def route_file(name: str, url: str) -> str:
    return (
        f"# Test route (deploy/render-test.py): /proxy/{name}/ → {url}\n"
        f"location ^~ /proxy/{name}/ {{\n"
        f"    proxy_pass {url};\n"
        f"    include skyglass/proxy.conf;\n"
        f"}}\n"
    )


def main_conf(prefix: Path, user_root: bool, servers: str) -> str:
    lines = [
        "# Written by deploy/render-test.py for tests: do not edit (rendered again each run).",
        "daemon off;",
        "worker_processes 1;",
        f"pid {prefix}/nginx.pid;",
        f"error_log {prefix}/logs/error.log warn;",
    ]
    if user_root:
        lines.append("user root;  # tests run as root; lets the workers read the build wherever it is")
    if BROTLI_MODULE.exists():
        lines.append(f"load_module {BROTLI_MODULE};")
    lines += [
        "",
        "events { worker_connections 256; }",
        "",
        "http {",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        f"    access_log {prefix}/logs/access.log;",
        "    sendfile on;",
    ]
    lines += [f"    {t}_temp_path {prefix}/temp/{t};" for t in TEMP_PATHS]
    lines += ["", servers.rstrip("\n"), "}", ""]
    return "\n".join(lines)


def prepare_prefix(prefix: Path) -> None:
    for d in ["logs", *(f"temp/{t}" for t in TEMP_PATHS)]:
        (prefix / d).mkdir(parents=True, exist_ok=True)
    shutil.rmtree(prefix / "skyglass", ignore_errors=True)
    (prefix / "skyglass" / "upstreams").mkdir(parents=True)


def render(args: argparse.Namespace) -> Path:
    prefix = Path(args.prefix).resolve()
    root = Path(args.root).resolve()
    if not (root / "index.html").is_file():
        fail(f"{root}/index.html is missing: build first (deploy/build.sh {args.root})")
    if '"' in str(root) or ";" in str(root):
        fail(f"the web root's path cannot hold quotes or semicolons: {root}")
    url = upstream_url(args.upstream)
    routes = {"e2e": url}
    for r in args.route:
        name, sep, target = r.partition("=")
        if not sep or not re.fullmatch(r"[a-z0-9-]+", name):
            fail(f"a route is NAME=URL with NAME in [a-z0-9-], not {r!r}")
        routes[name] = upstream_url(target)

    prepare_prefix(prefix)
    out = prefix / "skyglass"
    for f in ["security-headers.conf", "proxy.conf", "proxy-access.conf"]:
        shutil.copyfile(NGINX_DIR / f, out / f)
    limits = (NGINX_DIR / "rate-limits.conf").read_text()
    if not args.production_limits:
        limits, n = RATE.subn(f"rate={TEST_RATE}", limits)
        if n == 0:
            fail("rate-limits.conf has no limit_req_zone rate to raise for tests")
        limits = f"# Rendered for tests by deploy/render-test.py: every rate raised to {TEST_RATE}.\n" + limits
    (out / "rate-limits.conf").write_text(limits)

    app = (NGINX_DIR / "app.conf").read_text()
    app, n = ROOT.subn(lambda m: f'{m[1]}"{root}"{m[2]}', app)
    if n != 1:
        fail(f"app.conf should have exactly one root directive, has {n}")
    (out / "app.conf").write_text(app)

    taken = set()
    for src in sorted((NGINX_DIR / "upstreams").glob("*.conf")):
        text = src.read_text()
        # Only active lines: a commented example stays a comment.
        text = PROXY_PASS.sub(lambda m: f"{m[1]}{url}{m[2]}", text)
        taken.update(re.findall(r"^\s*location\s+(?:\^~\s+)?/proxy/([^/\s]+)/", text, re.M))
        (out / "upstreams" / src.name).write_text(text)
    for name, target in routes.items():
        if name in taken:
            fail(f"/proxy/{name}/ is a real upstream already")
        (out / "upstreams" / f"{name}.conf").write_text(route_file(name, target))

    server = (
        "    include skyglass/rate-limits.conf;\n"
        "\n"
        "    # The tests' server: plain HTTP on loopback, around the production app.conf.\n"
        "    server {\n"
        f"        listen 127.0.0.1:{args.port};\n"
        "        server_name 127.0.0.1 localhost;\n"
        '        set $skyglass_hsts "";  # no HSTS over plain HTTP\n'
        "        include skyglass/app.conf;\n"
        "    }\n"
    )
    conf = prefix / "nginx.conf"
    conf.write_text(main_conf(prefix, os.geteuid() == 0, server))
    return conf


def production_check(args: argparse.Namespace) -> Path:
    """skyglass.conf as shipped, in a prefix laid out like /etc/nginx, with a throwaway
    certificate: proves the production file parses and its includes resolve."""
    prefix = Path(args.prefix).resolve()
    prepare_prefix(prefix)
    out = prefix / "skyglass"
    for f in ["app.conf", "security-headers.conf", "proxy.conf", "proxy-access.conf", "rate-limits.conf"]:
        shutil.copyfile(NGINX_DIR / f, out / f)
    # nginx resolves every upstream's name when it reads the configuration; a machine
    # without DNS (a test box) checks with 127.0.0.1 for the names it cannot resolve.
    unresolved = set()

    def resolvable(m: re.Match) -> str:
        try:
            socket.getaddrinfo(m[2], 443)
            return m[0]
        except OSError:
            unresolved.add(m[2])
            return f"{m[1]}127.0.0.1{m[3]}"

    for src in (NGINX_DIR / "upstreams").glob("*.conf"):
        text = re.sub(r"^(\s*proxy_pass\s+https?://)([^/:;\s]+)([^;]*;)", resolvable, src.read_text(), flags=re.M)
        (out / "upstreams" / src.name).write_text(text)
    if unresolved:
        print(f"render-test: {len(unresolved)} upstream names do not resolve here; checked with 127.0.0.1 "
              f"instead (production nginx must resolve them when it starts)", file=sys.stderr)
    cert, key = prefix / "tls" / "cert.pem", prefix / "tls" / "key.pem"
    cert.parent.mkdir(exist_ok=True)
    if not cert.exists():
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=console.example.com", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )
    site = (NGINX_DIR / "skyglass.conf").read_text()
    site, n1 = re.subn(r"(ssl_certificate\s+)\S+;", rf"\g<1>{cert};", site)
    site, n2 = re.subn(r"(ssl_certificate_key\s+)\S+;", rf"\g<1>{key};", site)
    # The stapling chain: the self-signed certificate is its own issuer.
    site, n3 = re.subn(r"(ssl_trusted_certificate\s+)\S+;", rf"\g<1>{cert};", site)
    if (n1, n2, n3) != (1, 1, 1):
        fail("skyglass.conf should have one ssl_certificate, ssl_certificate_key and ssl_trusted_certificate")
    if args.serve:
        ports = re.fullmatch(r"(\d+),(\d+)", args.serve)
        if not ports:
            fail(f"--serve is HTTP_PORT,HTTPS_PORT, not {args.serve!r}")
        site = re.sub(r"^\s*listen \[::\]:(80|443)\b[^;]*;\n", "", site, flags=re.M)
        site, n80 = re.subn(r"^(\s*listen )80;", rf"\g<1>127.0.0.1:{ports[1]};", site, flags=re.M)
        site, n443 = re.subn(r"^(\s*listen )443\b", rf"\g<1>127.0.0.1:{ports[2]}", site, flags=re.M)
        if (n80, n443) != (1, 1):
            fail("skyglass.conf should have one `listen 80;` and one `listen 443 ...;`")
    (prefix / "skyglass-site.conf").write_text(site)
    conf = prefix / "nginx.conf"
    conf.write_text(main_conf(prefix, os.geteuid() == 0, "    include skyglass-site.conf;\n"))
    return conf


def nginx_test(prefix: Path, conf: Path) -> int:
    r = subprocess.run(
        ["nginx", "-t", "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "logs/error.log")],
        capture_output=True, text=True,
    )
    sys.stderr.write(r.stderr)
    return r.returncode


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--prefix", required=True, help="the nginx prefix directory to write")
    p.add_argument("--port", type=int, help="the port to listen on, on 127.0.0.1")
    p.add_argument("--root", help="the build to serve (deploy/build.sh's output)")
    p.add_argument("--upstream", help="where every /proxy/… location goes: http://127.0.0.1:PORT/")
    p.add_argument("--route", action="append", default=[], metavar="NAME=URL",
                   help="an extra test location /proxy/NAME/ → URL (repeatable)")
    p.add_argument("--production-limits", action="store_true",
                   help="keep rate-limits.conf's production rates (default: raised for tests)")
    p.add_argument("--check", action="store_true", help="run nginx -t on the result")
    p.add_argument("--production-check", action="store_true",
                   help="nginx -t on deploy/nginx/skyglass.conf as shipped (throwaway certificate)")
    p.add_argument("--serve", metavar="HTTP_PORT,HTTPS_PORT",
                   help="with --production-check: listen on these loopback ports instead of 80 and 443")
    args = p.parse_args()
    prefix = Path(args.prefix).resolve()

    if args.production_check:
        return nginx_test(prefix, production_check(args))
    if args.port is None or args.root is None or args.upstream is None:
        p.error("--port, --root and --upstream are required (or --production-check)")
    conf = render(args)
    if args.check:
        return nginx_test(prefix, conf)
    print(f"nginx -p {prefix} -c {conf} -e {prefix}/logs/error.log")
    return 0


if __name__ == "__main__":
    sys.exit(main())
