// The soak's browsing session: four long-lived pages, each in a browser context (so a
// renderer process) of its own, each staying in ONE document for the whole run (every move
// is an in-app navigation), so that whatever a view leaks accumulates where the samples see it.
//   list    a CloudDC list refreshing every 5 s (the fastest fixed interval), Refresh clicked,
//           paged forward and back;
//   ecs     an ECS list refreshing every 5 s, Refresh clicked;
//   all     All instances across the six soak connections (and the Demo ones), walked again
//           and again: the view left for the overview (its cards polling) and opened again;
//   status  a CloudDC instance's status view, Refresh clicked.
// Slow bodies ride on every fifth API request (`X-Cloudsim-Fault: slow=…`), beside the
// cloudsim's own faults.
import { expect, type Browser, type Page } from "@playwright/test";
import { ConnectionsPage } from "../fixtures";
import { Probed } from "./probe";

/** The soak's connections, all to the one faulty cloudsim (ImageSearch is not in All instances). */
export const CONNECTIONS = [
  { name: "Soak DC", service: "clouddc", id: "soak-dc" },
  { name: "Soak DC 2", service: "clouddc", id: "soak-dc-2" },
  { name: "Soak Roma", service: "roma", id: "soak-roma" },
  { name: "Soak ByCloud", service: "bycloud", id: "soak-bycloud" },
  { name: "Soak ECS", service: "ecs", id: "soak-ecs" },
  { name: "Soak ECS 2", service: "ecs", id: "soak-ecs-2" },
] as const;
const FAST = '{"interval":{"Every":5}}';

/** Console errors other than the failures the soak provokes (fixtures.ts allows the same). */
export function watchConsole(page: Page, errors: string[], name: string) {
  page.on("pageerror", (e) => errors.push(`${name}: pageerror: ${e.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const m = /Failed to load resource: the server responded with a status of (\d{3})/.exec(msg.text());
    if (m && [429, 500, 502, 503].includes(Number(m[1]))) return;
    if (/Failed to load resource: net::ERR_|^TypeError: Failed to fetch/.test(msg.text())) return;
    errors.push(`${name}: console.error: ${msg.text()}`);
  });
}

async function slowBodies(page: Page) {
  let n = 0;
  await page.context().route("**/proxy/soak/**", (route) => {
    n++;
    if (n % 5 !== 0) return route.continue();
    return route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": "slow=150" } });
  });
}

async function nav(page: Page, label: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
}

/** Waits until no group of All instances is loading any more (done, failed or stopped). */
async function allSettled(page: Page) {
  await expect(page.getByRole("heading", { name: "All instances", level: 1 })).toBeVisible();
  await expect(page.locator(".walk-group")).toHaveCount(CONNECTIONS.length + 4);
  await expect(page.locator('.walk-group[data-load-state="loading"]')).toHaveCount(0, { timeout: 120_000 });
}

/** The faults that reached a page: API answers of 400 or more, 200s whose body is not JSON
 * (truncated), and API requests that failed (a dropped connection that nginx did not turn
 * into a 502, a timeout) but were not aborted by the app itself. */
function countFaults(page: Page, faults: Record<string, number>, name: string) {
  faults[name] = 0;
  page.on("response", async (r) => {
    if (!r.url().includes("/proxy/soak/") || r.request().method() === "OPTIONS") return;
    if (r.status() >= 400) faults[name]++;
    else if (r.status() === 200) {
      const body = await r.text().catch(() => null);
      if (body === null) return; // not read: the app aborted it
      try {
        JSON.parse(body);
      } catch {
        faults[name]++;
      }
    }
  });
  page.on("requestfailed", (r) => {
    if (r.url().includes("/proxy/soak/") && !/ERR_ABORTED/.test(r.failure()?.errorText ?? "")) faults[name]++;
  });
}

export class Session {
  readonly pages: Probed[] = [];
  readonly consoleErrors: string[] = [];
  /** Per page: the faults that reached it (see countFaults). */
  readonly faults: Record<string, number> = {};
  /** Per page: what the soak did that asks for data — a click on Refresh or the pager; for
   * the page "all", its arrivals on All instances (every connection walked), and under
   * "overview" its arrivals on the overview (every card asks once). */
  readonly actions: Record<string, number> = { list: 0, ecs: 0, all: 0, overview: 0, status: 0 };
  private step = 0;

  /** Sets the connections up on `page` (the test's own), then opens the other contexts. */
  async open(browser: Browser, page: Page, baseURL: string) {
    const list = new Probed("list", page);
    await list.install();
    countFaults(page, this.faults, "list");
    watchConsole(page, this.consoleErrors, "list");
    const connections = new ConnectionsPage(page);
    for (const c of CONNECTIONS) {
      await connections.add({ name: c.name, service: c.service, baseUrl: "/proxy/soak", project: "soak-project", token: "soak-token", remember: true });
    }
    await page.evaluate(
      ([ids, fast]) => ids.forEach((id) => localStorage.setItem(`skyglass.prefs.${id}.list`, fast)),
      [CONNECTIONS.map((c) => c.id), FAST] as const,
    );
    const state = await page.context().storageState();
    await page.goto("/c/soak-dc?limit=50");
    const row = page.locator("tr.instance-row").first();
    await expect(row).toBeVisible({ timeout: 60_000 });
    const instance = (await row.getAttribute("data-id"))!;
    await slowBodies(page);
    this.pages.push(list);
    for (const [name, url] of [
      ["ecs", "/c/soak-ecs"],
      ["all", "/all"],
      ["status", `/c/soak-dc/i/${encodeURIComponent(instance)}/status`],
    ] as const) {
      const context = await browser.newContext({ baseURL, storageState: state });
      const p = new Probed(name, await context.newPage());
      await p.install();
      watchConsole(p.page, this.consoleErrors, name);
      await slowBodies(p.page);
      countFaults(p.page, this.faults, name);
      await p.page.goto(url);
      this.pages.push(p);
    }
    await allSettled(this.get("all").page);
  }

  get(name: string): Probed {
    return this.pages.find((p) => p.name === name)!;
  }

  /** One round of use on every page: what a user watching them would click; `meanwhile`
   * runs while All instances' page is away from it, on the connections page. */
  async round(meanwhile: () => Promise<void>) {
    this.step++;
    for (const name of ["list", "ecs", "status"]) {
      await this.get(name).page.getByRole("button", { name: "Refresh" }).first().click({ timeout: 30_000 });
      this.actions[name]++;
    }
    const list = this.get("list").page;
    const pager = list.getByRole("button", { name: this.step % 2 ? "Next →" : "← Previous" });
    if (await pager.isEnabled().catch(() => false)) {
      await pager.click({ timeout: 30_000 });
      this.actions.list++;
    }
    const all = this.get("all").page;
    await this.leaveAllInstances();
    await meanwhile();
    await nav(all, "All instances");
    this.actions.all++;
    await allSettled(all);
  }

  /** Takes All instances' page to the overview (its cards ask once each), then to the
   * connections page, which shows no data: what the app holds there is what it kept. */
  async leaveAllInstances() {
    const all = this.get("all").page;
    await nav(all, "Overview");
    this.actions.overview++;
    await expect(all.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await nav(all, "Connections");
    await expect(all.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
  }

  /** The "N of M calls failed in this tab" tallies of every page, read in-app on its
   * connections page, summed per page. */
  async tallies(): Promise<Record<string, { calls: number; failures: number }>> {
    const all: Record<string, { calls: number; failures: number }> = {};
    for (const p of this.pages) {
      let calls = 0;
      let failures = 0;
      await nav(p.page, "Connections");
      await expect(p.page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
      await expect(p.page.locator(".tally", { hasText: /calls? failed/ }).first()).toBeVisible();
      for (const t of await p.page.locator(".tally").allTextContents()) {
        const m = /(\d+) of (\d+) calls? failed/.exec(t);
        if (m) {
          failures += Number(m[1]);
          calls += Number(m[2]);
        }
      }
      all[p.name] = { calls, failures };
    }
    return all;
  }

  async close() {
    for (const p of this.pages.slice(1)) await p.page.context().close();
  }
}
