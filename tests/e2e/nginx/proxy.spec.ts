// The same-origin API proxy (deploy/nginx/proxy.conf, upstreams/*.conf): requests reach
// the upstream as the app sent them, minus cookies and with the client's address as nginx
// saw it; answers come back as the API sent them, minus Set-Cookie and its caching
// headers, plus Cache-Control: no-store and the security headers.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { CLOUDSIM_PORT, ECHO_PORT, REPO } from "./playwright.config";
import { PRODUCTION_CSP, expectSecurityHeaders, raw } from "./support";

const AUTH = { "x-auth-token": "e2e-token" };

test("GET /proxy/e2e/… with the token: cloudsim's 200 JSON through nginx", async () => {
  const r = await raw("/proxy/e2e/v1/e2e-project/instances?limit=5", { headers: AUTH });
  expect(r.status).toBe(200);
  expect(r.headers["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(r.body.toString("utf8"));
  expect(body.count).toBe(500);
  // The same page as cloudsim's own answer (states may move between the two requests; the
  // instances do not).
  const direct = await fetch(`http://127.0.0.1:${CLOUDSIM_PORT}/v1/e2e-project/instances?limit=5`, { headers: AUTH });
  const ids = (b: { instances: { id: string }[] }) => b.instances.map((i) => i.id);
  expect(ids(body).length).toBeGreaterThan(0);
  expect(ids(body)).toEqual(ids(await direct.json()));
  expect(r.headers["content-security-policy"]).toBe(PRODUCTION_CSP);
  expect(r.headers["x-content-type-options"]).toBe("nosniff");
});

test("without the token: cloudsim's 401 with its error body, untouched", async () => {
  const r = await raw("/proxy/e2e/v1/e2e-project/instances?limit=5");
  expect(r.status).toBe(401);
  expect(JSON.parse(r.body.toString("utf8")).error_code).toBe("APIGW.0301");
});

test("429 and Retry-After, 500: passed through as the API sent them", async () => {
  const r429 = await raw("/proxy/e2e/v1/e2e-project/instances", { headers: { ...AUTH, "x-cloudsim-fault": "status=429" } });
  expect(r429.status).toBe(429);
  expect(r429.headers["retry-after"]).toBe("2");
  // The API's own 429 (not nginx's: limits.spec.ts), body untouched.
  expect(r429.body.toString("utf8")).not.toContain("SKYGLASS.0429");
  const r500 = await raw("/proxy/e2e/v1/e2e-project/instances", { headers: { ...AUTH, "x-cloudsim-fault": "status=500" } });
  expect(r500.status).toBe(500);
  expect(r500.headers["content-type"]).toMatch(/^application\/json/);
});

test("every proxied answer (200, 401, 429, 500, IAM's 201) is Cache-Control: no-store, with every security header", async () => {
  const answers: [string, Promise<Awaited<ReturnType<typeof raw>>>][] = [
    ["200", raw("/proxy/e2e/v1/e2e-project/instances?limit=1", { headers: AUTH })],
    ["401", raw("/proxy/e2e/v1/e2e-project/instances?limit=1")],
    ["429", raw("/proxy/e2e/v1/e2e-project/instances", { headers: { ...AUTH, "x-cloudsim-fault": "status=429" } })],
    ["500", raw("/proxy/e2e/v1/e2e-project/instances", { headers: { ...AUTH, "x-cloudsim-fault": "status=500" } })],
    ["echo 200", raw("/proxy/echo/v1/p/instances")],
  ];
  for (const [what, answer] of answers) {
    const r = await answer;
    expect(String(r.status), what).toBe(what.replace(/^echo /, ""));
    expect(r.headers["cache-control"], what).toBe("no-store");
    expectSecurityHeaders(r, what);
  }
  // The echo server sends Cache-Control, Expires and X-Frame-Options of its own: dropped, so
  // that ours are the only ones (Node joins repeated headers: "no-store, public, ..." fails).
  const echo = await raw("/proxy/echo/v1/p/instances");
  expect(echo.headers["expires"]).toBeUndefined();
});

/** deploy/nginx/upstreams/: every active `location ^~ /proxy/NAME/` of every file, by file. */
function realUpstreams(): { file: string; names: string[] }[] {
  const dir = path.join(REPO, "deploy/nginx/upstreams");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".conf"))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const names = [...text.matchAll(/^\s*location\s+\^~\s+\/proxy\/([^/\s]+)\/\s*\{/gm)].map((m) => m[1]);
      return { file, names };
    });
}

/** How to ask each service something cloudsim answers, by the location's name (SERVICE-REGION). */
const PROBES: Record<string, { path: string; post?: boolean }> = {
  clouddc: { path: "/v1/e2e-project/instances?limit=1" },
  roma: { path: "/v2/e2e-project/instances?limit=1" },
  ecs: { path: "/v1/e2e-project/cloudservers/detail?limit=1" },
  imagesearch: { path: "/v1/e2e-project/service/imagesearch-00" },
  iam: { path: "/v3/auth/tokens", post: true },
};

test("every real upstream location of deploy/nginx/upstreams/ is there (rendered to cloudsim for the test)", async () => {
  const files = realUpstreams();
  expect(files.length, "upstream files").toBeGreaterThan(10);
  let probed = 0;
  for (const { file, names } of files) {
    if (names.length === 0) {
      // Only a commented example (bycloud.conf) may have no location: no active line at all.
      const active = fs
        .readFileSync(path.join(REPO, "deploy/nginx/upstreams", file), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
      expect(active, `${file}: no location, so nothing but comments`).toEqual([]);
      continue;
    }
    for (const name of names) {
      const service = name.split("-")[0];
      const probe = PROBES[service];
      expect(probe, `${file}: /proxy/${name}/ is a service this test does not know: add its probe to PROBES`).toBeDefined();
      const p = `/proxy/${name}${probe.path}`;
      const r = probe.post
        ? await raw(p, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
        : await raw(p, { headers: AUTH });
      // cloudsim's answer (JSON): not the /proxy/ 404, not a rate limit.
      if (!probe.post) expect(r.status, p).toBe(200);
      expect(r.headers["content-type"], p).toMatch(/^application\/json/);
      expect(r.body.toString("utf8"), p).not.toMatch(/SKYGLASS\.04(04|29)/);
      expect(r.headers["cache-control"], p).toBe("no-store");
      probed++;
    }
  }
  // 20 files with a location, as of issue 23 (a file with two locations counts twice).
  expect(probed).toBeGreaterThanOrEqual(20);
});

test("what the upstream receives: the path after the prefix, the query as sent, Host = the upstream's name, the auth headers unchanged, no cookie, the client's address as nginx saw it", async () => {
  const sent = {
    "x-auth-token": "tok-123",
    authorization: "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=0123abcd",
    "x-sdk-date": "20260101T000000Z",
    "x-security-token": "sec-456",
    "x-project-id": "proj-789",
    "content-type": "application/json;charset=utf-8",
  };
  // What a browser (or anyone calling the proxy) may claim about its address.
  const spoofed = {
    "x-forwarded-for": "1.2.3.4",
    "x-real-ip": "5.6.7.8",
    forwarded: "for=9.9.9.9;proto=https",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "gopher",
    "x-client-ip": "6.6.6.6",
    "true-client-ip": "7.7.7.7",
  };
  const r = await raw("/proxy/echo/v1/proj-789/instances?limit=5&marker=a%20b&tags=env%3Dprod", {
    headers: { ...sent, ...spoofed, cookie: "session=secret; other=1", host: "console.example.com" },
  });
  expect(r.status).toBe(200);
  const got = JSON.parse(r.body.toString("utf8"));
  expect(got.method).toBe("GET");
  expect(got.url).toBe("/v1/proj-789/instances?limit=5&marker=a%20b&tags=env%3Dprod");
  // $proxy_host: in production e.g. clouddc.cn-east-3.myhuaweicloud.com (what a signature names).
  expect(got.headers.host).toBe(`127.0.0.1:${ECHO_PORT}`);
  for (const [k, v] of Object.entries(sent)) expect(got.headers[k], k).toBe(v);
  expect(got.headers.cookie, "no cookie reaches an API").toBeUndefined();
  // The address nginx saw (the test's, 127.0.0.1) replaces whatever the client claimed; the
  // other claims are dropped.
  expect(got.headers["x-forwarded-for"]).toBe("127.0.0.1");
  expect(got.headers["x-real-ip"]).toBe("127.0.0.1");
  for (const dropped of ["forwarded", "x-forwarded-host", "x-forwarded-proto", "x-client-ip", "true-client-ip", "via"]) {
    expect(got.headers[dropped], dropped).toBeUndefined();
  }
  const received = JSON.stringify(got.headers);
  for (const claim of ["1.2.3.4", "5.6.7.8", "9.9.9.9", "evil.example", "6.6.6.6", "7.7.7.7"]) expect(received, claim).not.toContain(claim);

  // The answer: Set-Cookie dropped; the API's own headers (IAM's X-Subject-Token) kept.
  expect(r.headers["set-cookie"], "no cookie from an API").toBeUndefined();
  expect(r.headers["x-subject-token"]).toBe("echo-subject-token");
  expect(r.headers["content-security-policy"]).toBe(PRODUCTION_CSP);
});

test("a POST (IAM's POST /v3/auth/tokens) reaches the upstream with its body", async () => {
  const body = JSON.stringify({ auth: { identity: { methods: ["password"] } } });
  const r = await raw("/proxy/echo/v3/auth/tokens?nocatalog=true", { method: "POST", headers: { "content-type": "application/json" }, body });
  const got = JSON.parse(r.body.toString("utf8"));
  expect(got.method).toBe("POST");
  expect(got.url).toBe("/v3/auth/tokens?nocatalog=true");
  expect(got.body).toBe(body);
  expect(got.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
});
