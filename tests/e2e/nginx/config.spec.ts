// The configuration files themselves: the production server file (deploy/nginx/skyglass.conf)
// passes `nginx -t` as shipped, and the tests' rendering changes nothing but the root and
// the upstreams' addresses.
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

test("the rendered files are deploy/nginx/'s, with only the root and proxy_pass changed", () => {
  const src = path.join(REPO, "deploy/nginx");
  const out = path.join(PREFIX, "skyglass");
  for (const f of ["security-headers.conf", "proxy.conf"]) expect(fs.readFileSync(path.join(out, f), "utf8"), f).toBe(fs.readFileSync(path.join(src, f), "utf8"));
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
