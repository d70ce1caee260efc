// The configuration files themselves: the production server file (deploy/nginx/skyglass.conf)
// passes `nginx -t` as shipped, says what its TLS must (read back from `nginx -T`), and the
// tests' rendering changes nothing but the root, the upstreams' addresses and the rates.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { PREFIX, REPO } from "./playwright.config";

test("deploy/nginx/skyglass.conf (TLS, HSTS, the app and every upstream) passes nginx -t", () => {
  const out = execFileSync("python3", ["deploy/render-test.py", "--prefix", path.join(REPO, "target/nginx-production-check"), "--production-check"], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(out).toBe("");
});

/** The production check's prefix, with the whole configuration as nginx read it (`nginx -T`). */
function productionDump(): string {
  const prefix = path.join(REPO, "target/nginx-production-check");
  execFileSync("python3", ["deploy/render-test.py", "--prefix", prefix, "--production-check"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  return execFileSync("nginx", ["-T", "-q", "-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "logs/error.log")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The `server { ... }` blocks of a file's text (no nested braces in a server but locations'). */
function serverBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const m of text.matchAll(/^server\s*\{/gm)) {
    let depth = 0;
    for (let i = m.index!; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) {
        blocks.push(text.slice(m.index!, i + 1));
        break;
      }
    }
  }
  return blocks;
}

const MOZILLA_INTERMEDIATE =
  "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:" +
  "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

test("the production TLS server: Mozilla intermediate, OCSP stapling, CORP, and the port-80 redirect to its own name", () => {
  const dump = productionDump();
  const site = fs.readFileSync(path.join(REPO, "deploy/nginx/skyglass.conf"), "utf8");
  const [plain, tls, ...more] = serverBlocks(site);
  expect(more).toEqual([]);
  // Port 80 redirects to server_name, never to the Host the client sent.
  expect(plain).toMatch(/^\s*listen 80;$/m);
  expect(plain).toMatch(/^\s*return 301 https:\/\/\$server_name\$request_uri;$/m);
  expect(dump).not.toMatch(/^\s*return\s+\d+\s+\S*\$(host|http_host)\b/m);
  // TLS: Mozilla's intermediate profile, verified stapling.
  const directive = (name: string) => [...tls.matchAll(new RegExp(`^\\s*${name}\\s+([^;]+);`, "gm"))].map((m) => m[1]);
  expect(directive("ssl_protocols")).toEqual(["TLSv1.2 TLSv1.3"]);
  expect(directive("ssl_ciphers")).toEqual([MOZILLA_INTERMEDIATE]);
  expect(directive("ssl_prefer_server_ciphers")).toEqual(["off"]);
  expect(directive("ssl_stapling")).toEqual(["on"]);
  expect(directive("ssl_stapling_verify")).toEqual(["on"]);
  expect(directive("ssl_trusted_certificate")).toHaveLength(1);
  // What nginx read (-T): the same, plus the security headers with CORP and the rate limits.
  expect(dump).toContain(`ssl_ciphers ${MOZILLA_INTERMEDIATE};`);
  expect(dump).toMatch(/^\s*ssl_stapling_verify on;$/m);
  expect(dump).toMatch(/^add_header Cross-Origin-Resource-Policy "same-origin" always;$/m);
  expect(dump).toMatch(/^limit_req_zone \$skyglass_iam_client zone=skyglass_iam:\S+ rate=6r\/m;$/m);
});

test("the rendered files are deploy/nginx/'s, with only the root, proxy_pass and the rates changed", () => {
  const src = path.join(REPO, "deploy/nginx");
  const out = path.join(PREFIX, "skyglass");
  for (const f of ["security-headers.conf", "proxy.conf", "proxy-access.conf"]) {
    expect(fs.readFileSync(path.join(out, f), "utf8"), f).toBe(fs.readFileSync(path.join(src, f), "utf8"));
  }
  // The rates raised for tests (limits.spec.ts runs the production ones), nothing else.
  const rates = (s: string) => s.replace(/^# Rendered for tests.*\n/, "").replace(/\brate=\d+r\/[sm]\b/g, "rate=…");
  const limits = fs.readFileSync(path.join(out, "rate-limits.conf"), "utf8");
  expect(rates(limits)).toBe(rates(fs.readFileSync(path.join(src, "rate-limits.conf"), "utf8")));
  expect([...limits.matchAll(/\brate=(\d+r\/[sm])/g)].map((m) => m[1])).toEqual(["1000r/s", "1000r/s"]);
  const strip = (s: string) => s.replace(/^\s*(root|proxy_pass)\s[^;]*;/gm, "$1 …;");
  expect(strip(fs.readFileSync(path.join(out, "app.conf"), "utf8"))).toBe(strip(fs.readFileSync(path.join(src, "app.conf"), "utf8")));
  const real = fs.readdirSync(path.join(src, "upstreams")).filter((f) => f.endsWith(".conf"));
  expect(real.length).toBeGreaterThan(10);
  for (const f of real) {
    const rendered = fs.readFileSync(path.join(out, "upstreams", f), "utf8");
    expect(strip(rendered), f).toBe(strip(fs.readFileSync(path.join(src, "upstreams", f), "utf8")));
    for (const m of rendered.matchAll(/^\s*proxy_pass\s+(\S+);/gm)) expect(m[1], f).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  }
});
