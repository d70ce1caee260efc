// The proxy's rate limits at their production values (deploy/nginx/rate-limits.conf, the
// bursts of proxy.conf): the suite's own nginx runs with the rates raised for tests
// (deploy/render-test.py), so this file starts a second nginx, rendered with
// --production-limits, on a port of its own, stops it at the end, and sends it bursts.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { CLOUDSIM_PORT, DIST, REPO } from "./playwright.config";
import { expectSecurityHeaders, raw, startNginx, type RawResponse } from "./support";

const PORT = 18446;
const PREFIX = path.join(REPO, "target/nginx-e2e-limits");
const AUTH = { "x-auth-token": "e2e-token" };
const SRC = path.join(REPO, "deploy/nginx");

/** A zone's rate and the burst proxy.conf gives it, as deploy/nginx/ has them. */
function limit(zone: string): { rate: string; burst: number } {
  const zones = fs.readFileSync(path.join(SRC, "rate-limits.conf"), "utf8");
  const proxy = fs.readFileSync(path.join(SRC, "proxy.conf"), "utf8");
  const rate = new RegExp(`^limit_req_zone \\S+ zone=${zone}:\\S+ rate=(\\d+r/[sm]);`, "m").exec(zones)?.[1];
  const burst = new RegExp(`^limit_req zone=${zone} burst=(\\d+) nodelay;`, "m").exec(proxy)?.[1];
  expect(rate, `${zone}'s rate in rate-limits.conf`).toBeDefined();
  expect(burst, `${zone}'s burst in proxy.conf`).toBeDefined();
  return { rate: rate!, burst: Number(burst) };
}

function iamPost(): Promise<RawResponse> {
  return raw("/proxy/iam/v3/auth/tokens", { port: PORT, method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
}

function apiGet(): Promise<RawResponse> {
  return raw("/proxy/e2e/v1/e2e-project/instances?limit=1", { port: PORT, headers: AUTH });
}

/** nginx's own 429: JSON, Retry-After, no-store and the security headers. */
function expectLimited(r: RawResponse, retryAfter: string): void {
  expect(r.status).toBe(429);
  expect(r.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(r.body.toString("utf8")).error_code).toBe("SKYGLASS.0429");
  expect(r.headers["retry-after"]).toBe(retryAfter);
  expect(r.headers["cache-control"]).toBe("no-store");
  expectSecurityHeaders(r, "nginx's 429");
}

test.describe.serial("rate limits at their production values", () => {
  let stop: (() => Promise<void>) | undefined;

  test.beforeAll(async () => {
    const args = ["--port", String(PORT), "--root", DIST, "--upstream", `http://127.0.0.1:${CLOUDSIM_PORT}/`, "--production-limits", "--check"];
    // Up when it answers the static page (no limit applies to it).
    stop = await startNginx(PREFIX, args, async () => (await raw("/index.html", { port: PORT })).status === 200);
  });

  test.afterAll(async () => {
    await stop?.();
  });

  test("this nginx has deploy/nginx/'s limits unchanged: IAM 6 a minute (burst 10), the APIs 20 a second (burst 100)", () => {
    expect(fs.readFileSync(path.join(PREFIX, "skyglass/rate-limits.conf"), "utf8")).toBe(fs.readFileSync(path.join(SRC, "rate-limits.conf"), "utf8"));
    expect(fs.readFileSync(path.join(PREFIX, "skyglass/proxy.conf"), "utf8")).toBe(fs.readFileSync(path.join(SRC, "proxy.conf"), "utf8"));
    expect(limit("skyglass_iam")).toEqual({ rate: "6r/m", burst: 10 });
    expect(limit("skyglass_api")).toEqual({ rate: "20r/s", burst: 100 });
  });

  test("a burst of sign-ins on /proxy/iam/ gets 429s past the burst; a calm sign-in and the APIs still pass", async () => {
    const { burst } = limit("skyglass_iam");
    // A calm request: cloudsim's own answer (its IAM refuses an empty body), not nginx's.
    const calm = await iamPost();
    expect(calm.status).not.toBe(429);
    expect(calm.body.toString("utf8")).not.toContain("SKYGLASS.0429");

    // Then burst + 10 at once: at 6 a minute nothing drains meanwhile, so at most `burst` pass.
    const answers = await Promise.all(Array.from({ length: burst + 10 }, () => iamPost()));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    for (const r of limited) expectLimited(r, "10");
    for (const r of answers.filter((a) => a.status !== 429)) expect(r.body.toString("utf8")).not.toContain("SKYGLASS.0429");

    // Another IAM location shares the client's IAM budget; the API locations do not.
    const regional = await raw("/proxy/iam-cn-north-4/v3/auth/tokens", { port: PORT, method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expectLimited(regional, "10");
    const api = await apiGet();
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body.toString("utf8")).count).toBe(500);
  });

  test("a burst on an API location past its burst gets 429s (Retry-After: 1)", async () => {
    const { burst } = limit("skyglass_api");
    // Batches of 25 at once until nginx refuses one; 20 a second drain meanwhile, so the
    // burst is spent within a few batches (the bound only stops a broken limit).
    let limited: RawResponse | undefined;
    let sent = 0;
    let passed = 0;
    while (!limited && sent < burst * 5) {
      const batch = await Promise.all(Array.from({ length: 25 }, () => apiGet()));
      sent += batch.length;
      for (const r of batch) expect([200, 429], r.body.toString("utf8").slice(0, 200)).toContain(r.status);
      passed += batch.filter((r) => r.status === 200).length;
      limited = batch.find((r) => r.status === 429);
    }
    expect(limited, `a 429 within ${sent} requests`).toBeDefined();
    expectLimited(limited!, "1");
    // Looser than IAM's: most of the burst was left after the test above (its 23 requests
    // count here too), so far more than IAM's burst passed before the first 429.
    expect(passed).toBeGreaterThan(burst / 2);
  });
});
