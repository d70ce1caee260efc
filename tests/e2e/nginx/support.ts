// Helpers of the nginx suite: raw HTTP requests (no decompression, no added headers) and
// the build's files.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { DIST, NGINX_PORT } from "./playwright.config";

/** The production Content-Security-Policy, as deploy/nginx/security-headers.conf sends it. */
export const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One request to nginx exactly as given: the body comes back as sent, still encoded. */
export function raw(
  urlPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: NGINX_PORT, path: urlPath, method: opts.method ?? "GET", headers: opts.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout: ${urlPath}`)));
    req.end(opts.body);
  });
}

/** The served index.html's text. */
export function builtIndex(): string {
  const file = path.join(DIST, "index.html");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run deploy/build.sh target/deploy-dist first`);
  return fs.readFileSync(file, "utf8");
}

/** Every file index.html references (stylesheet, scripts, preloads): paths like /main-….css. */
export function referencedAssets(html: string): string[] {
  const refs = new Set<string>();
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)) refs.add(m[1]);
  return [...refs];
}

/** A file of the build, from its URL path. */
export function builtFile(urlPath: string): Buffer {
  return fs.readFileSync(path.join(DIST, urlPath.replace(/^\//, "")));
}
