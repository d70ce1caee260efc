// The same-origin API proxy (deploy/nginx/proxy.conf, upstreams/*.conf): requests reach
// the upstream as the app sent them, minus cookies; answers come back as the API sent
// them, minus Set-Cookie, plus the security headers.
import { test, expect } from "@playwright/test";
import { CLOUDSIM_PORT, ECHO_PORT } from "./playwright.config";
import { PRODUCTION_CSP, raw } from "./support";

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
  const r500 = await raw("/proxy/e2e/v1/e2e-project/instances", { headers: { ...AUTH, "x-cloudsim-fault": "status=500" } });
  expect(r500.status).toBe(500);
  expect(r500.headers["content-type"]).toMatch(/^application\/json/);
});

test("every real upstream location is there (rendered to cloudsim for the test)", async () => {
  for (const p of [
    "/proxy/clouddc-cn-southwest-2/v1/e2e-project/instances?limit=1",
    "/proxy/clouddc-cn-east-3/v1/e2e-project/instances?limit=1",
    "/proxy/clouddc-cn-south-1/v1/e2e-project/instances?limit=1",
    "/proxy/clouddc-ap-southeast-3/v1/e2e-project/instances?limit=1",
    "/proxy/roma-cn-north-4/v2/e2e-project/instances?limit=1",
    "/proxy/ecs-cn-north-4/v1/e2e-project/cloudservers/detail?limit=1",
    "/proxy/imagesearch-cn-north-4/v1/e2e-project/service/imagesearch-00",
  ]) {
    const r = await raw(p, { headers: AUTH });
    expect(r.status, p).toBe(200);
    expect(r.headers["content-type"], p).toMatch(/^application\/json/);
  }
  for (const p of ["/proxy/iam/v3/auth/tokens", "/proxy/iam-cn-north-4/v3/auth/tokens"]) {
    const r = await raw(p, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    // Whatever cloudsim answers, it is cloudsim's answer (JSON), not the /proxy/ 404.
    expect(r.headers["content-type"], p).toMatch(/^application\/json/);
    expect(r.body.toString("utf8"), p).not.toContain("SKYGLASS.0404");
  }
});

test("what the upstream receives: the path after the prefix, the query as sent, Host = the upstream's name, the auth headers unchanged, no cookie, nothing added", async () => {
  const sent = {
    "x-auth-token": "tok-123",
    authorization: "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=0123abcd",
    "x-sdk-date": "20260101T000000Z",
    "x-security-token": "sec-456",
    "x-project-id": "proj-789",
    "content-type": "application/json;charset=utf-8",
  };
  const r = await raw("/proxy/echo/v1/proj-789/instances?limit=5&marker=a%20b&tags=env%3Dprod", {
    headers: { ...sent, cookie: "session=secret; other=1", host: "console.example.com", "x-forwarded-for": "1.2.3.4" },
  });
  expect(r.status).toBe(200);
  const got = JSON.parse(r.body.toString("utf8"));
  expect(got.method).toBe("GET");
  expect(got.url).toBe("/v1/proj-789/instances?limit=5&marker=a%20b&tags=env%3Dprod");
  // $proxy_host: in production e.g. clouddc.cn-east-3.myhuaweicloud.com (what a signature names).
  expect(got.headers.host).toBe(`127.0.0.1:${ECHO_PORT}`);
  for (const [k, v] of Object.entries(sent)) expect(got.headers[k], k).toBe(v);
  expect(got.headers.cookie, "no cookie reaches an API").toBeUndefined();
  for (const added of ["x-real-ip", "forwarded", "via"]) expect(got.headers[added], added).toBeUndefined();
  // A client's own X-Forwarded-For passes as it came; nginx adds none of its own.
  expect(got.headers["x-forwarded-for"]).toBe("1.2.3.4");

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
