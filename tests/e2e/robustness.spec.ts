// Live status that holds up: rate limits, rejected tokens, hidden tabs, timeouts, tokens
// kept out of everything, the Content-Security-Policy, and the crash panel.
import { test, expect, ConnectionsPage, InstancesPage, CLOUDSIM } from "./fixtures";
import type { Page, Request } from "@playwright/test";

/** Counts the app's API requests from now on. */
function countRequests(page: Page) {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/proxy/e2e/")) seen.push(r);
  });
  return seen;
}

/** Adds `directive` as cloudsim's fault header to the app's API calls while `on()` is true. */
async function faultWhile(page: Page, directive: string, on: () => boolean) {
  await page.route("**/proxy/e2e/**", (route) =>
    route.continue({
      headers: { ...route.request().headers(), ...(on() ? { "x-cloudsim-fault": directive } : {}) },
    }),
  );
}

test.describe("rate limiting", () => {
  test.use({ expectHttpErrors: [429] });
  test("429 keeps the last data, says when it retries, and recovers by itself", async ({ page }) => {
    let limited = false;
    await faultWhile(page, "status=429", () => limited);
    await new ConnectionsPage(page).add({ name: "Limits" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const before = await list.rowIds();
    limited = true;
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(list.errorBanner).toContainText("Rate limited (HTTP 429)");
    await expect(page.getByRole("status").filter({ hasText: "Rate limited: retrying in" })).toBeVisible();
    expect(await list.rowIds()).toEqual(before);
    // Never shown as a state of an instance.
    const states = await page.locator("tr.instance-row .badge").evaluateAll((els) => els.map((e) => e.textContent));
    expect(states.join(" ")).not.toContain("429");
    limited = false;
    // Retry-After: 2 → the app asks again by itself and the banner goes.
    await expect(list.errorBanner).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByText(/Rate limited: retrying/)).toHaveCount(0);
    expect(await list.rowIds()).toEqual(before);
  });
});

test.describe("a rejected token", () => {
  test.use({ expectHttpErrors: [401] });
  test("stops every automatic request for the view", async ({ page }) => {
    let rejected = false;
    await faultWhile(page, "status=401", () => rejected);
    await new ConnectionsPage(page).add({ name: "Expiring" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await page.getByLabel("Auto-refresh").selectOption("5");
    rejected = true;
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(list.errorBanner).toContainText("The credentials were rejected");
    await expect(list.errorBanner.getByRole("link", { name: "the connection's settings" })).toBeVisible();
    const requests = countRequests(page);
    await page.waitForTimeout(12_000); // more than two 5 s intervals
    expect(requests.length, "nothing retries with a bad token").toBe(0);
  });
});

test("polling pauses in a hidden tab and asks once at once when shown again", async ({ page }) => {
  await new ConnectionsPage(page).add({ name: "Hidden" });
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await page.getByLabel("Auto-refresh").selectOption("5");
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, "visibilityState", { value: h ? "hidden" : "visible", configurable: true });
      Object.defineProperty(document, "hidden", { value: h, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await setHidden(true);
  await page.waitForTimeout(500);
  const requests = countRequests(page);
  await page.waitForTimeout(11_000);
  expect(requests.length, "no polling while hidden").toBe(0);
  await setHidden(false);
  await expect.poll(() => requests.length, { timeout: 3_000 }).toBeGreaterThanOrEqual(1);
});

test("the interval is the user's: Off means no automatic request at all", async ({ page }) => {
  await new ConnectionsPage(page).add({ name: "Quiet" });
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await page.getByLabel("Auto-refresh").selectOption("off");
  const requests = countRequests(page);
  await page.waitForTimeout(8_000);
  expect(requests.length).toBe(0);
  await page.reload();
  await expect(page.getByLabel("Auto-refresh")).toHaveValue("off"); // remembered on this device
});

test.describe("timeouts", () => {
  test.use({ expectNetworkErrors: true });
  test("a request that takes too long is aborted and reported", async ({ page }) => {
    test.setTimeout(90_000);
    let stall = false;
    await page.route("**/proxy/e2e/**", async (route) => {
      if (stall) await new Promise((r) => setTimeout(r, 30_000));
      await route.continue().catch(() => {});
    });
    await new ConnectionsPage(page).add({ name: "Slow" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    stall = true;
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(list.errorBanner).toContainText("Timed out", { timeout: 30_000 });
    await expect(list.rows.first()).toBeVisible(); // the last good data stays
    stall = false;
  });
});

test.describe("tokens stay secret", () => {
  test.use({ expectHttpErrors: [401] });
  test("never in URLs, history, console, page text or localStorage; forget all tokens", async ({ page }) => {
    const secret = "sk-e2e-" + "9f8e7d6c5b4a";
    const urls: string[] = [];
    const consoleText: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    page.on("framenavigated", (f) => urls.push(f.url()));
    page.on("console", (m) => consoleText.push(m.text()));
    // A wrong token that is also echoed back by nothing: the app must not show it either.
    await new ConnectionsPage(page).add({ name: "Secret", token: secret });
    const list = new InstancesPage(page);
    await expect(list.errorBanner).toContainText("The credentials were rejected");
    await page.goto("/c/secret?limit=50");
    await expect(list.errorBanner).toBeVisible();
    await page.goto("/connections");
    const historyLength = await page.evaluate(() => history.length);
    expect(historyLength).toBeGreaterThan(1);
    for (const u of urls) expect(u).not.toContain(secret);
    for (const c of consoleText) expect(c).not.toContain(secret);
    expect(await page.locator("body").innerText()).not.toContain(secret);
    const stores = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(stores.local, "not remembered: not in localStorage").not.toContain(secret);
    expect(stores.session, "kept for this tab").toContain(secret);

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Forget all tokens" }).click();
    await expect(page.getByText("Every token and secret key is forgotten on this device.")).toBeVisible();
    const after = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage));
    expect(after).not.toContain(secret);
    await expect(new ConnectionsPage(page).card("Secret")).toContainText("no token in this tab");
  });
});

test.describe("Content-Security-Policy", () => {
  test.use({ expectCspViolation: true });
  test("forbids inline and foreign scripts and limits connect-src; the app works under it", async ({ page, request }) => {
    const html = await (await request.get("/")).text();
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toContain("object-src 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the page
    await page.goto("/c/demo");
    await new InstancesPage(page).waitLoaded();
    const ran = await page.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = 1";
      document.body.appendChild(s);
      const f = document.createElement("script");
      f.src = "https://example.invalid/x.js";
      document.body.appendChild(f);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __inlineRan?: number }).__inlineRan;
    });
    expect(ran, "an inline script is refused").toBeUndefined();
    const blocked = await page.evaluate(() => fetch("https://example.invalid/").then(() => "fetched", () => "blocked"));
    expect(blocked).toBe("blocked");
  });
});
