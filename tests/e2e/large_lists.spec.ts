// "Load all pages" on every list, end to end against the cloudsim server (500 instances):
// progress, Cancel, an error and a paging anomaly mid-walk, a 429 waited out, and the
// virtualized table's filter, sort, keyboard and Enter. The walks' page sizes are cut to
// 100 on the way (the route rewrites `limit`), so that 500 instances take five pages.
import { test, expect, ConnectionsPage, InstancesPage, LoadAllView, watchXss } from "./fixtures";
import type { Page, Request, Route } from "@playwright/test";

/** Natural order as the table sorts text: lowercase, digit runs compared as numbers. */
function natural(a: string, b: string): number {
  const parts = (s: string) => s.trim().toLowerCase().match(/\d+|\D+/g) ?? [];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i], y[i]];
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const [m, n] = [p.replace(/^0+/, ""), q.replace(/^0+/, "")];
      if (m.length !== n.length) return m.length - n.length;
      if (m !== n) return m < n ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return x.length - y.length;
}

type Hook = (route: Route, url: URL) => Promise<Record<string, string> | void> | Record<string, string> | void;

/**
 * Routes the app's API calls: a load-all page size (`limit` ≥ 500, or ROMA's 100) becomes
 * 100, and `hook` may hold a request (await) or return extra headers (cloudsim's fault
 * header) for it. A request the app aborted meanwhile is let go quietly.
 */
async function routeWalk(page: Page, hook: Hook = () => {}) {
  await page.route("**/proxy/e2e/**", async (route) => {
    const url = new URL(route.request().url());
    const limit = Number(url.searchParams.get("limit"));
    const walking = limit >= 100;
    if (walking) url.searchParams.set("limit", "100");
    const extra = walking ? await hook(route, url) : undefined;
    try {
      await route.continue({ url: url.toString(), headers: { ...route.request().headers(), ...(extra ?? {}) } });
    } catch {
      // Aborted by the app (Cancel, Back): nothing to continue.
    }
  });
}

/** A promise and its resolver: holds requests until released. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  return { opened, release };
}

test.describe("CloudDC", () => {
  test("loads every page with progress; filter, sort, keyboard and Enter", async ({ page }) => {
    const hold = gate();
    let asked = 0;
    await routeWalk(page, async () => {
      asked += 1;
      if (asked === 3) await hold.opened;
    });
    await new ConnectionsPage(page).add({ name: "Large DC" });
    await new InstancesPage(page).waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await all.expectState("loading");
    await expect(all.status).toHaveText("Loading… 2 pages, 200 of 500 instances");
    await expect(all.progress).toHaveAttribute("value", "200");
    await expect(all.progress).toHaveAttribute("max", "500");
    await expect(all.cancel).toBeVisible();
    // Rows are usable while loading continues.
    await expect(all.count).toHaveText("Showing 200 of 200");
    expect(await all.rowCount()).toBe(200);
    hold.release();
    await all.expectState("done");
    await expect(all.status).toHaveText("Loaded 500 instances in 5 pages");
    await expect(all.progress).toHaveCount(0);
    await expect(all.cancel).toHaveCount(0);
    await expect(all.count).toHaveText("Showing 500 of 500");
    const window = await all.shown();
    expect(window.length).toBeGreaterThan(5);
    expect(window.length).toBeLessThan(80);
    expect(window[0].index).toBe(1);

    // Filter as you type: every row shown has the text somewhere (a tag, here).
    const term = "env=prod";
    await all.filter.fill(term);
    await expect.poll(() => all.rowCount()).toBeLessThan(500);
    const matching = await all.rowCount();
    expect(matching).toBeGreaterThan(0);
    await expect(all.count).toHaveText(`Showing ${matching} of 500`);
    for (const row of await all.shown()) expect(row.text.toLowerCase()).toContain(term);

    // Sort by name, then reversed.
    await all.header("Name").getByRole("button").click();
    await expect(all.header("Name")).toHaveAttribute("aria-sort", "ascending");
    let names = (await all.shown()).map((r) => r.first);
    expect(names).toEqual([...names].sort(natural));
    await all.header("Name").getByRole("button").click();
    await expect(all.header("Name")).toHaveAttribute("aria-sort", "descending");
    names = (await all.shown()).map((r) => r.first);
    expect(names).toEqual([...names].sort(natural).reverse());
    await expect(all.header("State")).toHaveAttribute("aria-sort", "none");

    // The keyboard moves the selection and keeps it in view.
    await all.grid.focus();
    await page.keyboard.press("ArrowDown");
    const first = (await all.shown())[0];
    await expect.poll(() => all.selectedId()).toBe(first.id);
    await page.keyboard.press("End");
    await expect(all.grid.locator(`.vtable-row[aria-rowindex="${matching}"]`)).toHaveAttribute("aria-selected", "true");
    await expect(all.selected).toBeInViewport();
    await page.keyboard.press("Home");
    await expect.poll(() => all.selectedId()).toBe(first.id);
    await page.keyboard.press("PageDown");
    await expect.poll(() => all.selectedId()).not.toBe(first.id);
    await page.keyboard.press("ArrowUp");
    const chosen = (await all.selectedId())!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/i/${chosen}$`));
    await expect(page.getByText(chosen).first()).toBeVisible();
  });

  test("Cancel keeps the rows loaded; Back to pages returns to the paged list", async ({ page }) => {
    const hold = gate();
    let asked = 0;
    // How each of the walk's requests (limit ≥ 100) ended, in order.
    const ended: { walk: number; outcome: string }[] = [];
    const walkRequests: Request[] = [];
    const end = (r: Request, outcome: string) => {
      const walk = walkRequests.indexOf(r) + 1;
      if (walk > 0) ended.push({ walk, outcome });
    };
    page.on("request", (r) => {
      if (r.url().includes("/proxy/e2e/") && Number(new URL(r.url()).searchParams.get("limit")) >= 100) walkRequests.push(r);
    });
    page.on("requestfinished", (r) => end(r, "finished"));
    page.on("requestfailed", (r) => end(r, r.failure()?.errorText ?? "failed"));
    await routeWalk(page, async () => {
      asked += 1;
      if (asked === 2) await hold.opened;
    });
    await new ConnectionsPage(page).add({ name: "Large DC Cancel" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await expect(all.status).toHaveText("Loading… 1 page, 100 of 500 instances");
    await all.cancel.click();
    await all.expectState("cancelled");
    await expect(all.status).toHaveText("Cancelled after 1 page, 100 of 500 instances");
    await expect(all.count).toHaveText("Showing 100 of 100");
    await expect(all.progress).toHaveCount(0);
    // The request held at the gate was dropped by the app: it ends aborted, never answered.
    await expect.poll(() => ended).toEqual([{ walk: 1, outcome: "finished" }, { walk: 2, outcome: "net::ERR_ABORTED" }]);
    hold.release();
    await all.back.click();
    await expect(all.root).toHaveCount(0);
    await list.waitLoaded();
    await expect(list.pageLabel).toHaveText("Page 1");
    // The paged list's own request came after the release: the walk asked nothing more.
    expect(asked, "nothing more was asked").toBe(2);
    expect(ended.length).toBe(2);
  });

  test("a paging cycle stops the walk cleanly with what it has", async ({ page }) => {
    let asked = 0;
    await routeWalk(page, () => {
      asked += 1;
      return { "x-cloudsim-fault": "cycle" };
    });
    await new ConnectionsPage(page).add({ name: "Large DC Cycle" });
    await new InstancesPage(page).waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await all.expectState("stopped");
    await expect(all.status).toContainText("Paging stopped after 3 pages (300 instances kept)");
    await expect(all.status).toContainText("a cycle");
    await expect(all.count).toHaveText("Showing 300 of 300");
    expect(asked).toBe(3);
  });
});

test.describe("ROMA Connect", () => {
  test("asks the pages after the first in parallel; sort and Enter show details", async ({ page }) => {
    const hold = gate();
    let pending = 0;
    let most = 0;
    await routeWalk(page, async (_route, url) => {
      if (url.searchParams.get("offset") === "0") return;
      pending += 1;
      most = Math.max(most, pending);
      await hold.opened;
      pending -= 1;
    });
    await new ConnectionsPage(page).add({ name: "Large Roma", service: "roma" });
    await new InstancesPage(page).waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await expect(all.status).toHaveText("Loading… 1 page, 100 of 500 instances");
    await expect.poll(() => pending).toBe(4);
    hold.release();
    await all.expectState("done");
    expect(most, "the four remaining pages at once").toBe(4);
    await expect(all.status).toHaveText("Loaded 500 instances in 5 pages");

    // Sorted by status (the raw value, naturally), both ways: the window shown is in order,
    // and its ends bracket every status seen unsorted.
    const statuses = () => all.rows.evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
        .map((r) => r.querySelector(".badge")?.getAttribute("data-state") ?? ""),
    );
    const unsorted = await statuses();
    expect(unsorted.length).toBeGreaterThan(5);
    expect(unsorted, "every row shows its status").not.toContain("");
    await all.header("Status").getByRole("button").click();
    await expect(all.header("Status")).toHaveAttribute("aria-sort", "ascending");
    const ascending = await statuses();
    expect(ascending).toEqual([...ascending].sort(natural));
    await all.header("Status").getByRole("button").click();
    await expect(all.header("Status")).toHaveAttribute("aria-sort", "descending");
    const descending = await statuses();
    expect(descending).toEqual([...descending].sort(natural).reverse());
    expect(natural(ascending[0], descending[0]), "the lowest status before the highest").toBeLessThan(0);
    for (const s of unsorted) {
      expect(natural(ascending[0], s)).toBeLessThanOrEqual(0);
      expect(natural(s, descending[0])).toBeLessThanOrEqual(0);
    }
    await all.grid.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const chosen = (await all.selectedId())!;
    expect(chosen).toBe((await all.shown())[1].id);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`selected=${chosen}`));
    await expect(page.getByRole("region", { name: "Instance details" })).toContainText(chosen);
    await all.expectState("done");
  });

  test.describe("an error mid-walk", () => {
    test.use({ expectHttpErrors: [500] });
    test("stops, keeps the rows before it and says why", async ({ page }) => {
      await routeWalk(page, (_route, url) =>
        url.searchParams.get("offset") === "300" ? { "x-cloudsim-fault": "status=500" } : undefined,
      );
      await new ConnectionsPage(page).add({ name: "Large Roma Error", service: "roma" });
      await new InstancesPage(page).waitLoaded();
      const all = new LoadAllView(page);
      await all.start();
      await all.expectState("failed");
      await expect(all.status).toHaveText(/^Stopped by an error after \d pages \(300 instances kept\): Server error \(HTTP 500\)/);
      await expect(all.count).toHaveText("Showing 300 of 300");
      await all.filter.fill("zzz-no-such-instance");
      await expect(all.count).toHaveText("Showing 0 of 300");
    });
  });
});

test.describe("ByCloud", () => {
  test.use({ expectHttpErrors: [429] });

  test("follows the markers, waits out a 429, filters and opens details", async ({ page }) => {
    let asked = 0;
    await routeWalk(page, () => {
      asked += 1;
      // The second request is rate limited once, with Retry-After: 1.
      return asked === 2 ? { "x-cloudsim-fault": "status=429; retry-after=1" } : undefined;
    });
    await new ConnectionsPage(page).add({ name: "Large ByCloud", service: "bycloud" });
    await new InstancesPage(page).waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await expect(page.getByText(/Rate limited: retrying in \d+ s/)).toBeVisible();
    await all.expectState("done");
    await expect(all.status).toHaveText("Loaded 500 instances in 5 pages");
    expect(asked, "five pages and one retry").toBe(6);

    const wanted = (await all.shown())[4].id;
    await all.filter.fill(wanted);
    await expect(all.count).toHaveText("Showing 1 of 500");
    await all.grid.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: "Instance details" })).toContainText(wanted);
  });

  test("a 429 that persists ends the walk with the rows before it", async ({ page }) => {
    let asked = 0;
    await routeWalk(page, () => {
      asked += 1;
      return asked >= 3 ? { "x-cloudsim-fault": "status=429; retry-after=1" } : undefined;
    });
    await new ConnectionsPage(page).add({ name: "Large ByCloud Limited", service: "bycloud" });
    await new InstancesPage(page).waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await all.expectState("failed");
    await expect(all.status).toHaveText(/^Stopped by an error after 2 pages \(200 instances kept\): Rate limited \(HTTP 429\)/);
    expect(asked, "asked again three times").toBe(6);
    await expect(all.count).toHaveText("Showing 200 of 200");
  });
});

test("hostile data in every loaded row stays text in the grid", async ({ page }) => {
  test.setTimeout(90_000);
  const xss = await watchXss(page);
  // Every answer hostile, at the page size the app asks (ECS asks the rest of the fleet
  // in one request once it knows the total: a smaller page would end its walk).
  await page.route("**/proxy/e2e/**", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": "hostile" } }),
  );
  for (const [name, service] of [
    ["Hostile All DC", "clouddc"],
    ["Hostile All Roma", "roma"],
    ["Hostile All ByCloud", "bycloud"],
    ["Hostile All ECS", "ecs"],
  ] as const) {
    await new ConnectionsPage(page).add({ name, service });
    await new InstancesPage(page).waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await all.expectState("done");
    await expect(all.count).toHaveText("Showing 500 of 500");
    // Scroll through part of the list, building rows from hostile strings.
    for (let i = 0; i < 5; i++) await all.grid.evaluate((g) => (g.scrollTop += g.clientHeight * 2));
    await expect.poll(async () => (await all.shown()).length).toBeGreaterThan(5);
    expect(await all.grid.locator("script, img, iframe, svg, math, object").count(), "no markup from the data").toBe(0);
    await xss.expectClean(`${name}: every page loaded, scrolled`);
  }
});
