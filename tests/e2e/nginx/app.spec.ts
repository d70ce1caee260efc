// The app as production serves it: loaded from nginx under the header CSP (connect-src
// 'self' only), its Demo connection's list rendered, deep links reloaded; no page error,
// no console error, no CSP violation of any kind.
import { test, expect, InstancesPage, ConnectionsPage, demoPage3Reloaded } from "../fixtures";

const violations: string[] = [];

test.beforeEach(async ({ page }) => {
  violations.length = 0;
  // Reported by the page itself (also for reports the console would not show as errors).
  await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on("console", (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) violations.push(`console ${msg.type()}: ${msg.text()}`);
  });
});

test.afterEach(() => {
  expect(violations, "no CSP violations").toEqual([]);
});

test("the app loads from nginx: hashed, preloaded, compressed files, and the Demo list renders", async ({ page }) => {
  const responses: { url: string; status: number; encoding?: string; cache?: string }[] = [];
  page.on("response", async (r) => {
    const h = await r.allHeaders();
    responses.push({ url: new URL(r.url()).pathname, status: r.status(), encoding: h["content-encoding"], cache: h["cache-control"] });
  });
  await new ConnectionsPage(page).goto();
  await expect(page.locator(".connection-card").first()).toBeVisible();
  await expect(page.locator("link[rel=stylesheet]")).toHaveAttribute("href", /^\/main-[0-9a-f]+\.css$/);

  // Every file the page needed came from nginx, once, brotli-compressed (the browser
  // accepts br), the hashed ones immutable.
  // The page itself (the connections page: index.html from the SPA fallback).
  const doc = "/connections";
  const files = responses.filter((r) => r.url !== doc);
  for (const ext of [/\/main-[0-9a-f]+\.css$/, /\/boot-[0-9a-f]+\.js$/, /\/skyglass-[0-9a-f]+\.js$/, /\/skyglass-[0-9a-f]+_bg\.wasm$/, /\/__wasm_split-[0-9a-f]+\.js$/]) {
    const got = files.filter((r) => ext.test(r.url));
    expect(got.length, `${ext} fetched once (the preload is used)`).toBe(1);
    expect(got[0].status).toBe(200);
    expect(got[0].encoding, got[0].url).toBe("br");
    expect(got[0].cache, got[0].url).toBe("public, max-age=31536000, immutable");
  }
  expect(responses.find((r) => r.url === doc)?.cache).toBe("no-cache");
  // The page's own part of the split build (and the chunks it shares with others): preloaded
  // by boot.js for this deep link, each fetched once, compressed and immutable like the rest.
  const parts = files.filter((r) => /^\/(split|chunk)_[a-z0-9_]+-[0-9a-f]+\.wasm$/.test(r.url));
  expect(parts.some((r) => /^\/split_manage-[0-9a-f]+\.wasm$/.test(r.url)), "the connections page's part").toBe(true);
  for (const r of parts) {
    expect(parts.filter((o) => o.url === r.url).length, `${r.url} fetched once (the preload is used)`).toBe(1);
    expect(r.status, r.url).toBe(200);
    expect(r.encoding, r.url).toBe("br");
    expect(r.cache, r.url).toBe("public, max-age=31536000, immutable");
  }

  await page.goto("/c/demo?limit=50");
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await expect(list.rows).toHaveCount(50);
  await expect(page.locator(".conn-heading")).toContainText("Simulated");
});

test("deep links load and reload: a list page, an instance, its status view", async ({ page }) => {
  const { id, name } = await demoPage3Reloaded(page, 1);
  // Opened straight from the address bar: nginx answers index.html for the route.
  await page.goto(`/c/demo/i/${encodeURIComponent(id)}`);
  await expect(page.locator("h1.instance-name")).toHaveText(name);
  await page.reload();
  await expect(page.locator("h1.instance-name")).toHaveText(name);
  await page.goto(`/c/demo/i/${encodeURIComponent(id)}/status`);
  await expect(page.locator(".diagram-node.current, .outside-diagram")).toHaveCount(1);
  await page.reload();
  await expect(page.locator(".diagram-node.current, .outside-diagram")).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("every Demo service renders under the production CSP", async ({ page }) => {
  for (const conn of ["demo", "demo-roma", "demo-bycloud", "demo-ecs"]) {
    await page.goto(`/c/${conn}`);
    await new InstancesPage(page).waitLoaded();
  }
});

test("a connection through nginx's proxy lists cloudsim's instances", async ({ page }) => {
  // The connection form's base URL is a same-origin path: /proxy/e2e (→ cloudsim), and a
  // real upstream's location, rendered to cloudsim for the test.
  for (const [name, baseUrl] of [["Via e2e", "/proxy/e2e"], ["Via cn-east-3", "/proxy/clouddc-cn-east-3"]]) {
    await new ConnectionsPage(page).add({ name, baseUrl });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 2");
  }
});
