// Live status that holds up: rate limits, rejected tokens, hidden tabs, timeouts, tokens
// kept out of everything, the Content-Security-Policy, and the crash panel.
import { test, expect, ConnectionsPage, InstancesPage, CLOUDSIM, installClock } from "./fixtures";
import { CLOUDSIM_PORT } from "./playwright.config";
import type { Page, Request } from "@playwright/test";

/** Counts the app's API requests from now on. */
function countRequests(page: Page) {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/proxy/e2e/")) seen.push(r);
  });
  return seen;
}

/**
 * Waits until every request the page made so far has been reported: a request of its
 * own (to the app's origin, not counted by `countRequests`) is reported after them.
 */
async function settle(page: Page) {
  const marker = `/index.html?settle=${Math.random()}`;
  const seen = page.waitForRequest((r) => r.url().endsWith(marker));
  await page.evaluate((m) => void fetch(m), marker);
  await seen;
}

/**
 * Stops the page's clock (Playwright's fake timers, installed before the first page:
 * `page.clock.install()`), so that only `page.clock.runFor` moves it.
 */
async function pauseClock(page: Page) {
  // (A second ahead: pausing cannot go back to a moment already past.)
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
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
  test("stops every automatic request for the view; a good answer starts them again", async ({ page }) => {
    await installClock(page);
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
    await pauseClock(page);
    const requests = countRequests(page);
    await page.clock.runFor(60_000); // twelve 5 s intervals
    await settle(page);
    expect(requests.length, "nothing retries with a bad token").toBe(0);
    // The positive control: the same count and clock see the view ask by itself again
    // once an answer is good.
    rejected = false;
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(list.errorBanner).toHaveCount(0);
    await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
    const asked = requests.length;
    expect(asked, "the Refresh").toBeGreaterThanOrEqual(1);
    await page.clock.runFor(5_500);
    await expect.poll(() => requests.length, "polling again every 5 s").toBeGreaterThan(asked);
  });
});

test("polling pauses in a hidden tab and asks once at once when shown again", async ({ page }) => {
  await installClock(page);
  await new ConnectionsPage(page).add({ name: "Hidden" });
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await page.getByLabel("Auto-refresh").selectOption("5");
  await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, "visibilityState", { value: h ? "hidden" : "visible", configurable: true });
      Object.defineProperty(document, "hidden", { value: h, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await setHidden(true);
  await pauseClock(page);
  await settle(page);
  const requests = countRequests(page);
  await page.clock.runFor(60_000);
  await settle(page);
  expect(requests.length, "no polling while hidden").toBe(0);
  // Shown again: one request at once, with the clock standing still.
  await setHidden(false);
  await expect.poll(() => requests.length).toBe(1);
  await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
  await settle(page);
  expect(requests.length, "once").toBe(1);
  // And the interval again.
  await page.clock.runFor(5_500);
  await expect.poll(() => requests.length).toBeGreaterThanOrEqual(2);
});

test("the interval is the user's: Off means no automatic request at all", async ({ page }) => {
  await installClock(page);
  await new ConnectionsPage(page).add({ name: "Quiet" });
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await page.getByLabel("Auto-refresh").selectOption("off");
  await page.reload();
  await expect(page.getByLabel("Auto-refresh")).toHaveValue("off"); // remembered on this device
  await list.waitLoaded();
  await pauseClock(page);
  await settle(page);
  const requests = countRequests(page);
  await page.clock.runFor(10 * 60_000);
  await settle(page);
  expect(requests.length, "nothing in ten minutes").toBe(0);
  // The positive control: the same count and clock see an interval the user picks.
  await page.getByLabel("Auto-refresh").selectOption("5");
  await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
  const asked = requests.length;
  await page.clock.runFor(5_500);
  await expect.poll(() => requests.length, "asked by itself every 5 s").toBeGreaterThan(asked);
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
  test("forbids inline and foreign scripts and limits connect-src; the app works under it", async ({ page, request, browser }) => {
    const html = await (await request.get("/")).text();
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toContain("object-src 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the page
    // Another origin that answers: the e2e cloudsim itself (cloudsim's CORS lets anyone
    // read it), and a script there that the test serves.
    const foreign = `http://127.0.0.1:${CLOUDSIM_PORT}`;
    const api = `${foreign}/v1/${CLOUDSIM.project}/instances`;
    const script = `${foreign}/x.js`;
    const tryAll = async (p: Page) => {
      let served = 0;
      await p.route(script, (route) => {
        served += 1;
        return route.fulfill({ contentType: "text/javascript", body: "window.__foreignRan = 1" });
      });
      await p.goto("/c/demo");
      await new InstancesPage(p).waitLoaded();
      const result = await p.evaluate(
        async ({ api, script }) => {
          const w = window as unknown as { __inlineRan?: number; __foreignRan?: number; __violations: { directive: string; blocked: string }[] };
          w.__violations = [];
          document.addEventListener("securitypolicyviolation", (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
          const inline = document.createElement("script");
          inline.textContent = "window.__inlineRan = 1";
          document.body.appendChild(inline);
          const external = document.createElement("script");
          const loaded = new Promise<string>((resolve) => {
            external.onload = () => resolve("loaded");
            external.onerror = () => resolve("refused");
          });
          external.src = script;
          document.body.appendChild(external);
          const fetched = await fetch(api).then((r) => `HTTP ${r.status}`, () => "refused");
          return { fetched, loaded: await loaded, inline: w.__inlineRan, foreign: w.__foreignRan };
        },
        { api, script },
      );
      const violations = () => p.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);
      return { ...result, served, violations };
    };

    // Without the policy (Playwright's bypassCSP) each of them works: what is refused below
    // is refused by the policy alone.
    const open = await browser.newContext({ bypassCSP: true, baseURL: test.info().project.use.baseURL });
    const without = await tryAll(await open.newPage());
    expect(without).toMatchObject({ fetched: "HTTP 401", loaded: "loaded", inline: 1, foreign: 1, served: 1 });
    expect(await without.violations()).toEqual([]);
    await open.close();

    const under = await tryAll(page);
    expect(under.inline, "an inline script is refused").toBeUndefined();
    expect(under.foreign, "a foreign script is refused").toBeUndefined();
    expect(under.loaded).toBe("refused");
    expect(under.served, "and never even asked for").toBe(0);
    expect(under.fetched, "a foreign fetch is refused").toBe("refused");
    // Each refused by the policy, as the page is told.
    await expect.poll(under.violations).toEqual(
      expect.arrayContaining([
        { directive: "script-src-elem", blocked: "inline" },
        { directive: "script-src-elem", blocked: script },
        { directive: "connect-src", blocked: api },
      ]),
    );
  });
});
