// Shared fixtures and page objects. Every test fails on any page error or console error;
// the only console errors allowed are Chromium's own "Failed to load resource" lines for
// the failures a test deliberately provokes (declared with `expectHttpErrors` and
// `expectNetworkErrors`).
import { test as base, expect, type Page, type Locator } from "@playwright/test";
import { IAM } from "./playwright.config";

export const CLOUDSIM = { base: "/proxy/e2e", project: "e2e-project", token: "e2e-token" };

type Fixtures = { expectHttpErrors: number[]; expectNetworkErrors: boolean; expectCspViolation: boolean; consoleErrors: string[] };

export const test = base.extend<Fixtures>({
  expectHttpErrors: [[], { option: true }],
  expectNetworkErrors: [false, { option: true }],
  expectCspViolation: [false, { option: true }],
  consoleErrors: [
    async ({ page, expectHttpErrors, expectNetworkErrors, expectCspViolation }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      // A panic shows the crash panel: that is a failure too.
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        const m = /Failed to load resource: the server responded with a status of (\d{3})/.exec(msg.text());
        if (m && expectHttpErrors.includes(Number(m[1]))) return;
        // (and the split build's loader logging the fetch of a part that failed)
        if (expectNetworkErrors && /Failed to load resource: net::ERR_|^TypeError: Failed to fetch/.test(msg.text())) return;
        if (expectCspViolation && /Content Security Policy/.test(msg.text())) return;
        errors.push(`console.error: ${msg.text()}`);
      });
      // The crash panel, seen in any document of the test (a later navigation would hide it).
      await page.exposeBinding("__sgCrashSeen", (source, text: string) => errors.push(`crash panel at ${source.frame.url()}: ${text}`));
      await page.addInitScript(() => {
        const seen = (window as unknown as { __sgCrashSeen(text: string): void }).__sgCrashSeen;
        new MutationObserver((_records, observer) => {
          const panel = document.getElementById("skyglass-crashed");
          if (!panel) return;
          observer.disconnect();
          seen(panel.textContent ?? "");
        }).observe(document, { childList: true, subtree: true });
      });
      await use(errors);
      if (!page.isClosed()) {
        // The document the test ended on (no failed lookup passes as "none").
        await expect(page.locator("#skyglass-crashed"), "Skyglass did not crash").toHaveCount(0);
      }
      expect(errors, "no page errors or console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Installs Playwright's fake clock (`page.clock.install()`) with timer ids as browsers give
 * them. The fake clock numbers its timers from 10^12, but WebIDL's `setTimeout` returns a
 * `long` (32 bits) and the app keeps a timer's id as one (leptos' `TimeoutHandle`): clearing a
 * fake timer by that id missed it, so a timer the app had cleared still fired (seen as a
 * hidden tab "polling", 2026-12-07). Here each fake id is handed out as a small one.
 */
export async function installClock(page: Page) {
  await page.clock.install();
  const smallTimerIds = () => {
    const w = window as unknown as Record<string, unknown> & { __sgSmallTimerIds?: boolean };
    if (w.__sgSmallTimerIds) return;
    w.__sgSmallTimerIds = true;
    const fake = new Map<number, unknown>();
    let next = 1;
    for (const [set, clear] of [["setTimeout", "clearTimeout"], ["setInterval", "clearInterval"]]) {
      const setFake = w[set] as (...a: unknown[]) => unknown;
      const clearFake = w[clear] as (id: unknown) => void;
      w[set] = (...a: unknown[]) => {
        const id = next++;
        fake.set(id, setFake.apply(window, a));
        return id;
      };
      w[clear] = (id: number) => {
        if (!fake.has(id)) return;
        clearFake.call(window, fake.get(id));
        fake.delete(id);
      };
    }
  };
  // After the clock's own script in every new document, and in the one open now.
  await page.addInitScript(smallTimerIds);
  await page.evaluate(smallTimerIds);
}

/** The connections page and the add/edit form. */
export class ConnectionsPage {
  constructor(private page: Page) {}

  async goto() {
    await this.page.goto("/connections");
    await expect(this.page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.locator(".connection-card").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** Adds a connection to the cloudsim server behind trunk's proxy; lands on its list. */
  async add(opts: {
    name: string;
    service?: "clouddc" | "roma" | "bycloud" | "imagesearch" | "ecs";
    token?: string;
    baseUrl?: string;
    project?: string;
    remember?: boolean;
  }) {
    await this.goto();
    await this.page.getByRole("link", { name: "Add a connection" }).click();
    await this.page.getByLabel("Name").fill(opts.name);
    await this.page.getByLabel("Service").selectOption(opts.service ?? "clouddc");
    await this.page.getByLabel("Base URL").fill(opts.baseUrl ?? CLOUDSIM.base);
    if (opts.service !== "bycloud") await this.page.getByLabel("Project ID").fill(opts.project ?? CLOUDSIM.project);
    await this.page.getByLabel("Token", { exact: true }).fill(opts.token ?? CLOUDSIM.token);
    if (opts.remember) await this.page.getByLabel(/Remember the token/).check();
    await this.page.getByRole("button", { name: "Save" }).click();
    await expect(this.page).toHaveURL(/\/c\/[a-z0-9-]+/);
  }
}

/** A connection's instance list. */
export class InstancesPage {
  readonly rows: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly pageLabel: Locator;
  readonly stateFilter: Locator;
  readonly pageSize: Locator;
  readonly errorBanner: Locator;

  constructor(private page: Page) {
    this.rows = page.locator("tr.instance-row");
    this.next = page.getByRole("button", { name: "Next →" });
    this.previous = page.getByRole("button", { name: "← Previous" });
    this.pageLabel = page.locator(".pager-page");
    this.stateFilter = page.getByRole("combobox", { name: "State" });
    this.pageSize = page.getByLabel("Page size");
    this.errorBanner = page.getByRole("alert");
  }

  async rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id") ?? ""));
  }

  /** Waits until the rows are loaded and differ from `before`. */
  async waitForRowsOtherThan(before: string[]) {
    await expect.poll(async () => JSON.stringify(await this.rowIds())).not.toBe(JSON.stringify(before));
    await expect(this.page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
  }

  async waitLoaded() {
    await expect(this.rows.first()).toBeVisible();
    await expect(this.page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
  }

  async goNext() {
    const before = await this.rowIds();
    await this.next.click();
    await this.waitForRowsOtherThan(before);
  }

  async goPrevious() {
    const before = await this.rowIds();
    await this.previous.click();
    await this.waitForRowsOtherThan(before);
  }
}

/** A list's "all loaded" view ("Load all pages"): progress, filter, count and the virtualized grid. */
export class LoadAllView {
  readonly root: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly cancel: Locator;
  readonly back: Locator;
  readonly filter: Locator;
  readonly count: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly selected: Locator;

  constructor(private page: Page) {
    this.root = page.locator(".load-all");
    this.status = this.root.locator(".load-status[role=status]");
    this.progress = page.getByRole("progressbar", { name: "Loading all pages" });
    this.cancel = this.root.getByRole("button", { name: "Cancel", exact: true });
    this.back = page.getByRole("button", { name: "Back to pages" });
    this.filter = page.getByRole("searchbox", { name: "Filter loaded instances" });
    this.count = this.root.locator(".vtable-count");
    this.grid = page.locator(".vtable-viewport[role=grid]");
    this.rows = this.grid.locator(".vtable-row[role=row]");
    this.selected = this.grid.locator('.vtable-row[aria-selected="true"]');
  }

  /** Clicks "Load all pages" on the list's toolbar. */
  async start() {
    await this.page.getByRole("button", { name: "Load all pages" }).click();
    await expect(this.root).toBeVisible();
  }

  async expectState(state: "loading" | "done" | "cancelled" | "failed" | "stopped") {
    await expect(this.root).toHaveAttribute("data-load-state", state);
  }

  header(title: string): Locator {
    return this.grid.getByRole("columnheader", { name: title, exact: true });
  }

  /** `aria-rowcount` of the grid: the rows matching the filter. */
  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute("aria-rowcount"));
  }

  /** The rows in the DOM in display order: aria-rowindex, data-id and the first cell's text. */
  async shown(): Promise<{ index: number; id: string; first: string; text: string }[]> {
    const rows = await this.rows.evaluateAll((els) =>
      els.map((r) => ({
        index: Number(r.getAttribute("aria-rowindex")),
        id: r.getAttribute("data-id") ?? "",
        first: r.querySelector("[role=gridcell]")?.textContent ?? "",
        text: r.textContent ?? "",
      })),
    );
    return rows.sort((a, b) => a.index - b.index);
  }

  async selectedId(): Promise<string | null> {
    return (await this.selected.count()) === 1 ? this.selected.getAttribute("data-id") : null;
  }
}

// Signing in (auth.spec.ts and nginx/auth.spec.ts).

export type Method = "A token" | "IAM password sign-in" | "Access key (AK/SK)";

/** Fills the connection form (up to, not including, Save). */
export async function fillForm(
  page: Page,
  opts: { name: string; service: string; method: Method; base?: string; project?: string; fields: Record<string, string>; remember?: boolean },
) {
  await new ConnectionsPage(page).goto();
  await page.getByRole("link", { name: "Add a connection" }).click();
  await page.getByLabel("Name").fill(opts.name);
  await page.getByLabel("Service").selectOption(opts.service);
  await page.getByLabel("Base URL").fill(opts.base ?? CLOUDSIM.base);
  if (opts.service !== "bycloud") await page.getByLabel("Project ID").fill(opts.project ?? "");
  await page.getByRole("radio", { name: opts.method }).check();
  for (const [label, value] of Object.entries(opts.fields)) await page.getByLabel(label, { exact: true }).fill(value);
  if (opts.remember) await page.getByLabel(/Remember the token/).check();
}

export async function addPasswordConnection(page: Page, name: string, user: string, base = CLOUDSIM.base, iamUrl = CLOUDSIM.base) {
  await fillForm(page, {
    name,
    service: "ecs",
    method: "IAM password sign-in",
    base,
    fields: { "IAM URL": iamUrl, "Account name": IAM.domain, "IAM user name": user, "Project scope": IAM.region },
  });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+\/sign-in\?next=/);
}

/** Everything a secret could leak into, gathered for one test. */
export function watchSecrets(page: Page) {
  const seen: string[] = [];
  page.on("request", (r) => seen.push(r.url()));
  page.on("framenavigated", (f) => seen.push(f.url()));
  page.on("console", (m) => seen.push(m.text()));
  return {
    async assertNowhere(secret: string, opts: { sessionMayHold?: boolean } = {}) {
      for (const s of seen) expect(s).not.toContain(secret);
      expect(await page.locator("body").innerText()).not.toContain(secret);
      const stores = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
      expect(stores.local).not.toContain(secret);
      if (!opts.sessionMayHold) expect(stores.session).not.toContain(secret);
      return stores;
    },
  };
}

/** The Demo list on page 3 of 10 rows, reloaded: the same rows come back. Returns a row's
 * id and name (instances.spec.ts and nginx/app.spec.ts open it next). */
export async function demoPage3Reloaded(page: Page, row: number): Promise<{ id: string; name: string }> {
  await page.goto("/c/demo?limit=10");
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await list.goNext();
  await list.goNext();
  await expect(list.pageLabel).toHaveText("Page 3");
  const page3 = await list.rowIds();
  await page.reload();
  await list.waitLoaded();
  await expect(list.pageLabel).toHaveText("Page 3");
  expect(await list.rowIds()).toEqual(page3);
  const r = list.rows.nth(row);
  return { id: (await r.getAttribute("data-id"))!, name: (await r.locator(".cell-name a").getAttribute("title"))! };
}

/** What a hostile payload would make: elements that run or fetch something, and inline handlers. */
const MADE_FROM_DATA = "script, img, svg, iframe, object, embed, math, video, audio, frame, frameset, base, link, meta, style";

type XssWindow = { __sgXssSeen(what: string): void; __sgXssNow(): { canary: unknown; made: string[] } };

/**
 * Watches every document of the page, from before its first script, for what the XSS
 * payloads try: the canary `window.__skyglassPwned` set, a dialog, an element of
 * `MADE_FROM_DATA` that is not the page's own (its head's same-origin scripts, links and
 * metas; the state diagram's svg), any `on…` attribute, or a `javascript:` link — as
 * each is made, even if removed again. Call before the first navigation, and
 * `expectClean(view)` after each view (it covers the documents before it too).
 */
export async function watchXss(page: Page) {
  const seen: string[] = [];
  await page.exposeBinding("__sgXssSeen", (source, what: string) => seen.push(`${what} (at ${source.frame.url()})`));
  page.on("dialog", (d) => {
    seen.push(`a ${d.type()} dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript((made) => {
    const w = window as unknown as XssWindow & { __skyglassPwned?: unknown };
    const report = (what: string) => w.__sgXssSeen(what);
    let canary: unknown;
    Object.defineProperty(window, "__skyglassPwned", {
      get: () => canary,
      set: (v) => {
        canary = v;
        report(`the canary was set to ${String(v)}`);
      },
    });
    const sameOrigin = (url: string | null) => url !== null && new URL(url, location.href).origin === location.origin;
    const own = (el: Element) =>
      (el.parentElement === document.head &&
        ((el.localName === "script" && sameOrigin(el.getAttribute("src"))) ||
          (el.localName === "link" && sameOrigin(el.getAttribute("href"))) ||
          el.localName === "meta")) ||
      (el.localName === "svg" && el.parentElement?.closest("figure.state-diagram") != null);
    const problems = (el: Element): string[] => {
      const found: string[] = [];
      if (el.matches(made) && !own(el)) found.push(`<${el.localName}> made: ${el.outerHTML.slice(0, 120)}`);
      const handlers = el.getAttributeNames().filter((n) => n.toLowerCase().startsWith("on"));
      if (handlers.length) found.push(`${handlers.join(", ")} on <${el.localName}>`);
      if (el.localName === "a" && /^\s*javascript:/i.test(el.getAttribute("href") ?? "")) found.push("a javascript: link");
      return found;
    };
    w.__sgXssNow = () => ({ canary, made: [...document.querySelectorAll("*")].flatMap(problems) });
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes" && r.target instanceof Element) problems(r.target).forEach(report);
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          [n, ...n.querySelectorAll("*")].flatMap(problems).forEach(report);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["href"] });
  }, MADE_FROM_DATA);
  return {
    /** Nothing a payload tries happened up to now, in this document or an earlier one. */
    async expectClean(view: string) {
      const now = await page.evaluate(() => (window as unknown as XssWindow).__sgXssNow());
      expect(now.canary, `${view}: the canary the payloads try to set`).toBeUndefined();
      expect(now.made, `${view}: nothing made from the data in the page`).toEqual([]);
      expect(seen, `${view}: nothing a payload tries happened`).toEqual([]);
    },
  };
}
