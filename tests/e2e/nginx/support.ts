// Helpers of the nginx suite: raw HTTP requests (no decompression, no added headers) and
// the build's files.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect } from "@playwright/test";
import { DIST, NGINX_PORT, REPO } from "./playwright.config";

/** The production Content-Security-Policy, as deploy/nginx/security-headers.conf sends it. */
export const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** deploy/nginx/security-headers.conf's headers, as every answer carries them (plain HTTP: no HSTS). */
export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": PRODUCTION_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One request to nginx exactly as given: the body comes back as sent, still encoded.
 * `port`: another nginx of the suite's than the main one (limits.spec.ts). */
export function raw(
  urlPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: opts.port ?? NGINX_PORT, path: urlPath, method: opts.method ?? "GET", headers: opts.headers ?? {}, agent: false },
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

/** Every security header of deploy/nginx/security-headers.conf, once, with its value. */
export function expectSecurityHeaders(r: RawResponse, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name], `${what}: ${name}`).toBe(value);
}

/** A second nginx of the suite's own (limits.spec.ts, tls.spec.ts): renders PREFIX with
 * deploy/render-test.py's `args` (which must include --check: nginx -t), runs it in the
 * foreground, and resolves once `ready` says it answers. Stop it with the returned function
 * (SIGTERM, then its exit awaited); call that from afterAll. */
export async function startNginx(prefix: string, args: string[], ready: () => Promise<boolean>): Promise<() => Promise<void>> {
  execFileSync("python3", ["deploy/render-test.py", "--prefix", prefix, ...args], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  const nginx = spawn("nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "logs/error.log")], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => nginx.once("exit", () => resolve()));
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill("SIGTERM");
    await exited;
  };
  try {
    await expect.poll(() => ready().catch(() => false), { timeout: 15_000, message: `nginx of ${prefix} answers` }).toBe(true);
  } catch (e) {
    await stop();
    throw e;
  }
  return stop;
}
