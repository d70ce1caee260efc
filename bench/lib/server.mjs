// The benchmark's web server: static files as a production host serves them (gzip -9
// precompressed when the browser accepts it, like nginx's gzip_static; index.html for
// client-side routes) and a reverse proxy from /proxy/<name>/ to cloudsim servers, so that
// the app and the baseline page call the API on their own origin exactly as behind any
// reverse proxy. Binds 127.0.0.1 only.
//
//   node bench/lib/server.mjs --root / bench/out/app --proxy bench=8787 [--port 8090]
// serves one build by hand (prints its address); bench/bench.mjs uses startServer().
// BENCH_PROXY_TRACE=1 logs every proxied request's start, finish and close to stderr.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts the server.
 * @param {{ mounts: {prefix: string, dir: string, spa?: boolean}[], proxies?: Record<string, number>, port?: number }} opts
 *   mounts: URL prefix → directory (longest prefix wins); `spa`: unknown paths without a
 *   file extension get the mount's index.html (client-side routes).
 *   proxies: name → cloudsim port on 127.0.0.1, reached at /proxy/<name>/.
 * @returns {Promise<{port: number, origin: string, setProxy(name: string, port: number): void, close(): Promise<void>}>}
 */
export async function startServer({ mounts, proxies = {}, port = 0 }) {
  const routes = new Map(Object.entries(proxies));
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const cache = new Map(); // file path → { mtimeMs, raw, gz }
  // One upstream connection per request, closed after the answer (what nginx does by
  // default: HTTP/1.0 to the upstream, no keep-alive). Kept-alive upstream connections would
  // also trip a race in cloudsim's HTTP server (tiny_http 0.12's thread pool can leave a new
  // connection queued behind long-lived kept-alive ones: requests then hang for 20 s).
  const agent = new http.Agent({ keepAlive: false });

  function load(file) {
    const st = fs.statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const raw = fs.readFileSync(file);
    const entry = { mtimeMs: st.mtimeMs, size: st.size, raw, gz: zlib.gzipSync(raw, { level: 9 }) };
    cache.set(file, entry);
    return entry;
  }

  function resolveStatic(urlPath) {
    const mount = sorted.find((m) => urlPath.startsWith(m.prefix));
    if (!mount) return null;
    let rel;
    try {
      rel = decodeURIComponent(urlPath.slice(mount.prefix.length));
    } catch {
      return null;
    }
    const root = path.resolve(mount.dir);
    let file = path.resolve(root, "." + path.posix.normalize("/" + rel));
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (fs.existsSync(file)) return file;
    if (mount.spa && !path.extname(rel)) return path.join(root, "index.html");
    return null;
  }

  function serveStatic(req, res, urlPath) {
    const file = resolveStatic(urlPath);
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const entry = load(file);
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? entry.gz : entry.raw;
    const headers = {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
      vary: "accept-encoding",
    };
    if (gzip) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  function proxy(req, res, name, rest) {
    const backend = routes.get(name);
    if (!backend) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`no backend for /proxy/${name}/`);
      return;
    }
    const trace = process.env.BENCH_PROXY_TRACE ? (what) => console.error(`[proxy] ${Date.now() % 100000} ${what} ${rest}`) : () => {};
    trace("start");
    res.on("finish", () => trace("finish"));
    res.on("close", () => trace("close"));
    const headers = { ...req.headers, host: `127.0.0.1:${backend}`, connection: "close" };
    const up = http.request(
      { host: "127.0.0.1", port: backend, method: req.method, path: rest, headers, agent },
      (upRes) => {
        const h = { ...upRes.headers };
        delete h.connection;
        delete h["keep-alive"];
        res.writeHead(upRes.statusCode ?? 502, h);
        upRes.pipe(res);
      },
    );
    up.on("error", (e) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy error: ${e.message}`);
    });
    req.pipe(up);
    res.on("close", () => {
      if (!res.writableFinished) up.destroy();
    });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = /^\/proxy\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(url.pathname);
    if (m) {
      proxy(req, res, m[1], (m[2] ?? "/") + url.search);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405);
      res.end();
      return;
    }
    serveStatic(req, res, url.pathname);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = server.address().port;
  return {
    port: bound,
    origin: `http://127.0.0.1:${bound}`,
    setProxy(name, p) {
      routes.set(name, p);
    },
    close() {
      agent.destroy();
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// By hand: node bench/lib/server.mjs --root / DIR [--root /x/ DIR2] --proxy NAME=PORT [--port N]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mounts = [];
  const proxies = {};
  let port = 8090;
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === "--root") mounts.push({ prefix: a[++i], dir: a[++i], spa: true });
    else if (a[i] === "--proxy") {
      const [n, p] = a[++i].split("=");
      proxies[n] = Number(p);
    } else if (a[i] === "--port") port = Number(a[++i]);
    else {
      console.error(`unknown argument ${a[i]}`);
      process.exit(2);
    }
  }
  const s = await startServer({ mounts, proxies, port });
  console.log(`serving on ${s.origin}`);
}
