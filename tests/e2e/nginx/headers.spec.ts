// What nginx sends with the build: cache headers, precompressed bodies, content types and
// the security headers (deploy/nginx/app.conf, security-headers.conf).
import zlib from "node:zlib";
import { test, expect } from "@playwright/test";
import { PRODUCTION_CSP, builtFile, builtIndex, raw, referencedAssets } from "./support";

const html = builtIndex();
const assets = referencedAssets(html);
const APP_ROUTES = ["/", "/index.html", "/c/demo/instances?limit=50", "/c/demo?limit=50&state=running", "/connections/new"];
const HASHED = /^\/[a-z_]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

test("index.html references only hashed files: the stylesheet, boot.js, the JS glue, the WASM and the split loader", () => {
  expect(assets.length).toBe(5);
  for (const a of assets) expect(a, "a hashed name").toMatch(HASHED);
  expect(assets.some((a) => /^\/main-[0-9a-f]+\.css$/.test(a))).toBe(true);
  expect(assets.some((a) => /^\/boot-[0-9a-f]+\.js$/.test(a))).toBe(true);
  expect(assets.some((a) => /^\/skyglass-[0-9a-f]+\.js$/.test(a))).toBe(true);
  expect(assets.some((a) => /^\/skyglass-[0-9a-f]+_bg\.wasm$/.test(a))).toBe(true);
  expect(assets.some((a) => /^\/__wasm_split-[0-9a-f]+\.js$/.test(a))).toBe(true);
  // The JS, the WASM and the loader of the split-off parts are preloaded, and nothing runs inline.
  expect(html).toMatch(/<link rel="modulepreload" href="\/__wasm_split-[0-9a-f]+\.js"/);
  expect(html).toMatch(/<link rel="modulepreload" href="\/skyglass-[0-9a-f]+\.js"/);
  expect(html).toMatch(/<link rel="preload" href="\/skyglass-[0-9a-f]+_bg\.wasm" as="fetch" type="application\/wasm" crossorigin="anonymous"/);
  expect(html).toMatch(/<script src="\/boot-[0-9a-f]+\.js" integrity="sha384-[^"]+" type="module"><\/script>/);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test.describe("cache headers", () => {
  for (const route of APP_ROUTES) {
    test(`${route} is index.html, revalidated on every load`, async () => {
      const r = await raw(route);
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.headers["cache-control"]).toBe("no-cache");
      expect(r.headers["etag"]).toBeTruthy();
      expect(r.body.toString("utf8")).toBe(html);
    });
  }

  test("index.html answers 304 to its ETag, with its headers", async () => {
    const first = await raw("/");
    const again = await raw("/", { headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.headers["cache-control"]).toBe("no-cache");
    expect(again.headers["content-security-policy"]).toBe(PRODUCTION_CSP);
  });

  test("every hashed file index.html references is cached for a year, immutable", async () => {
    for (const a of assets) {
      const r = await raw(a);
      expect(r.status, a).toBe(200);
      expect(r.headers["cache-control"], a).toBe("public, max-age=31536000, immutable");
      expect(r.body.equals(builtFile(a)), `${a}: the built file`).toBe(true);
    }
  });

  test("a missing hashed file is a 404, not index.html, and not cached", async () => {
    for (const a of ["/skyglass-0123456789abcdef_bg.wasm", "/skyglass-0123456789abcdef.js", "/main-00000000deadbeef.css", "/boot-1234abcd.js"]) {
      const r = await raw(a);
      expect(r.status, a).toBe(404);
      expect(r.body.toString("utf8"), a).not.toContain("<title>Skyglass</title>");
      expect(r.headers["cache-control"], a).toBeUndefined();
      expect(r.headers["content-security-policy"], a).toBe(PRODUCTION_CSP);
    }
  });

  test("a path under /proxy/ that no upstream serves is a JSON 404, not index.html", async () => {
    const r = await raw("/proxy/nowhere-xx-1/v1/p/instances");
    expect(r.status).toBe(404);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(r.body.toString("utf8")).error_code).toBe("SKYGLASS.0404");
    expect(r.headers["cache-control"]).toBe("no-store");
  });
});

test.describe("precompressed files", () => {
  const files = ["/index.html", ...assets];

  test("brotli when accepted, gzip when only gzip is, identical bytes once decoded", async () => {
    for (const f of files) {
      const plain = builtFile(f);
      const identity = await raw(f);
      expect(identity.headers["content-encoding"], f).toBeUndefined();
      expect(identity.body.equals(plain), `${f} identity`).toBe(true);
      expect(identity.headers["vary"], f).toBe("Accept-Encoding");

      const br = await raw(f, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(br.headers["content-encoding"], f).toBe("br");
      expect(br.headers["vary"], f).toBe("Accept-Encoding");
      expect(br.body.length, `${f}: brotli is smaller`).toBeLessThan(plain.length);
      expect(zlib.brotliDecompressSync(br.body).equals(plain), `${f} br decodes to the file`).toBe(true);
      expect(br.body.equals(builtFile(f + ".br")), `${f}: the .br of deploy/build.sh`).toBe(true);

      const gz = await raw(f, { headers: { "accept-encoding": "gzip" } });
      expect(gz.headers["content-encoding"], f).toBe("gzip");
      expect(gz.body.length, `${f}: gzip is smaller`).toBeLessThan(plain.length);
      expect(zlib.gunzipSync(gz.body).equals(plain), `${f} gzip decodes to the file`).toBe(true);
      expect(gz.body.equals(builtFile(f + ".gz")), `${f}: the .gz of deploy/build.sh`).toBe(true);
    }
  });

  test("a deep link gets the compressed index.html too", async () => {
    const r = await raw("/c/demo/i/some-id/status", { headers: { "accept-encoding": "br" } });
    expect(r.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(r.body).toString("utf8")).toBe(html);
  });

  test("content types: WASM as application/wasm, scripts, stylesheet, page", async () => {
    const types: Record<string, RegExp> = {
      wasm: /^application\/wasm$/,
      js: /^application\/javascript; charset=utf-8$/,
      css: /^text\/css; charset=utf-8$/,
      html: /^text\/html; charset=utf-8$/,
    };
    for (const f of files) {
      for (const enc of ["identity", "br", "gzip"]) {
        const r = await raw(f, { headers: { "accept-encoding": enc } });
        const ext = f.split(".").pop()!;
        expect(r.headers["content-type"], `${f} (${enc})`).toMatch(types[ext]);
      }
    }
  });
});

test.describe("security headers", () => {
  const where = ["/", "/c/demo?limit=50", "/c/demo/i/some-id", ...assets, "/skyglass-0123456789abcdef.js", "/proxy/nowhere-xx-1/"];
  for (const p of where) {
    test(`on ${p}`, async () => {
      const r = await raw(p, { headers: { "accept-encoding": "br, gzip" } });
      expect(r.headers["content-security-policy"]).toBe(PRODUCTION_CSP);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["permissions-policy"]).toMatch(/camera=\(\)/);
      expect(r.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(r.headers["cross-origin-resource-policy"]).toBe("same-origin");
      // Plain HTTP: HSTS belongs to the TLS server only (deploy/nginx/skyglass.conf).
      expect(r.headers["strict-transport-security"]).toBeUndefined();
      expect(r.headers["server"]).toBe("nginx"); // server_tokens off: no version
    });
  }

  test("the served index.html's <meta> CSP has no loopback allowance", async () => {
    const page = (await raw("/")).body.toString("utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(meta).toContain("connect-src 'self';");
    expect(meta).not.toMatch(/127\.0\.0\.1|localhost|\*/);
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).not.toContain("unsafe-inline");
    expect(page).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});
