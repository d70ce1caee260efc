// The production server file itself (deploy/nginx/skyglass.conf), running: rendered by
// deploy/render-test.py --production-check --serve (a throwaway self-signed certificate,
// its port 80 and 443 moved to loopback ports; nothing else changed), started by this file
// and stopped at its end. What a browser and an attacker see of its TLS and its redirect.
import http from "node:http";
import https from "node:https";
import path from "node:path";
import tls from "node:tls";
import { test, expect } from "@playwright/test";
import { REPO } from "./playwright.config";
import { SECURITY_HEADERS, startNginx } from "./support";

const HTTP_PORT = 18447;
const HTTPS_PORT = 18448;
const PREFIX = path.join(REPO, "target/nginx-e2e-tls");

/** The TLS version and cipher the server agrees to with a client limited to `opts`, or the error. */
function handshake(opts: tls.ConnectionOptions): Promise<{ version: string | null; cipher: string } | { error: string }> {
  return new Promise((resolve) => {
    const s = tls.connect({ host: "127.0.0.1", port: HTTPS_PORT, servername: "console.example.com", rejectUnauthorized: false, ...opts }, () => {
      resolve({ version: s.getProtocol(), cipher: s.getCipher().standardName });
      s.end();
    });
    s.on("error", (e) => resolve({ error: String(e.message) }));
  });
}

function get(mod: typeof http | typeof https, port: number, urlPath: string, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = mod.request({ host: "127.0.0.1", port, path: urlPath, headers, agent: false, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res));
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe.serial("skyglass.conf, running", () => {
  let stop: (() => Promise<void>) | undefined;

  test.beforeAll(async () => {
    stop = await startNginx(PREFIX, ["--production-check", "--serve", `${HTTP_PORT},${HTTPS_PORT}`], async () => "version" in (await handshake({})));
  });

  test.afterAll(async () => {
    await stop?.();
  });

  test("port 80 redirects to https://<server_name>, whatever Host the client sends", async () => {
    for (const host of ["evil.example", "console.example.com", `127.0.0.1:${HTTP_PORT}`]) {
      const r = await get(http, HTTP_PORT, "/c/prod/instances?limit=50", { host });
      expect(r.statusCode, host).toBe(301);
      expect(r.headers.location, host).toBe("https://console.example.com/c/prod/instances?limit=50");
    }
  });

  test("TLS 1.2 with Mozilla intermediate's suites and TLS 1.3 are accepted; CBC, static-RSA and older protocols are refused", async () => {
    // The certificate is RSA: the ECDHE-RSA suites of the profile.
    for (const cipher of ["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-CHACHA20-POLY1305"]) {
      const r = await handshake({ maxVersion: "TLSv1.2", ciphers: cipher });
      expect(r, cipher).toMatchObject({ version: "TLSv1.2" });
    }
    expect(await handshake({ minVersion: "TLSv1.3" })).toMatchObject({ version: "TLSv1.3" });
    // Outside the profile: in OpenSSL's default list (and nginx's default HIGH:!aNULL:!MD5).
    for (const cipher of ["ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA384", "AES128-GCM-SHA256", "AES256-SHA"]) {
      const r = await handshake({ maxVersion: "TLSv1.2", ciphers: cipher });
      expect(r, cipher).toHaveProperty("error");
    }
    // TLS 1.1 (the client allows it at security level 0): refused by the server.
    const old = await handshake({ minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT@SECLEVEL=0" });
    expect(old).toHaveProperty("error");
  });

  test("over HTTPS: HSTS, CORP and every security header", async () => {
    const r = await get(https, HTTPS_PORT, "/proxy/nowhere-xx-1/", { host: "console.example.com" });
    expect(r.statusCode).toBe(404);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name], name).toBe(value);
    expect(r.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(r.headers["cache-control"]).toBe("no-store");
  });
});
