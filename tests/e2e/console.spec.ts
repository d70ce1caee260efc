// Everyday console features, driven as a user would: the overview (counts equal to the
// lists'), all instances (one connection failing, one slow), view preferences surviving a
// reload, selection across pages and refreshes (and its export), copy buttons, UTC or
// local times, the theme, keyboard shortcuts, and connections to and from a file.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { test, expect, ConnectionsPage, InstancesPage, CLOUDSIM, installClock } from "./fixtures";
import type { APIResponse, Page } from "@playwright/test";

/** The visible column titles of the paged table. */
const headers = (page: Page) => page.locator("table.instances thead th:not(.cell-tick)").allTextContents();

/** A number in words such as "1,200". */
const num = (s: string) => Number(s.replace(/,/g, ""));

test.describe("overview", () => {
  test("the landing page counts every connection by state, and a category opens its list narrowed to it", async ({ page }) => {
    // The simulated fleet evolves with cloudsim's clock. Frozen for this test: the first
    // answer to each request is kept and given again, so that the card and the list read
    // the fleet at the same moment.
    const frozen = new Map<string, { response: APIResponse; body: Buffer }>();
    let replayed = 0;
    await page.route("**/proxy/e2e/**", async (route) => {
      const key = `${route.request().method()} ${route.request().url()}`;
      const kept = frozen.get(key);
      if (kept) replayed += 1;
      else {
        const response = await route.fetch();
        frozen.set(key, { response, body: await response.body() });
      }
      const { response, body } = frozen.get(key)!;
      await route.fulfill({ response, body });
    });
    await new ConnectionsPage(page).add({ name: "Counted DC" });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    const card = page.locator(".overview-card").filter({ has: page.getByRole("link", { name: "Counted DC", exact: true }) });
    // The e2e cloud has 500 instances; one request reads the first page at the largest size.
    // (CloudDC's largest page holds all 500: "All 500 instances"; else "The first N of 500".)
    await expect(card.locator(".covers")).toHaveText(/^(All 500 instances|The first [\d,]+ of 500 instances \(one request\))$/);
    await expect(card.locator(".reach")).toHaveAttribute("data-reach", "ok");
    await expect(card.locator(".updated")).toContainText("Updated");
    const legend = card.locator(".legend li");
    const counts: Record<string, number> = {};
    for (const li of await legend.all()) {
      counts[(await li.getAttribute("data-category"))!] = num((await li.locator(".legend-count").textContent())!);
    }
    const counted = num(/(?:All|first) ([\d,]+)/.exec((await card.locator(".covers").textContent())!)![1]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(counted);
    // The fleet's totals add up every connection (the Demo ones and this one).
    await expect(page.getByTestId("fleet-total")).toContainText("instances");
    // A category opens the list at the same page size, narrowed to it: the same count.
    const category = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
    const list = new InstancesPage(page);
    const entry = card.locator(`.legend li[data-category="${category}"]`);
    const n = num((await entry.locator(".legend-count").textContent())!);
    const before = replayed;
    await entry.locator("a").click();
    await expect(page).toHaveURL(new RegExp(`/c/counted-dc\\?limit=\\d+&category=${category}`));
    await list.waitLoaded();
    expect(replayed, "the list read the frozen fleet").toBeGreaterThan(before);
    await expect(page.locator(".only-note")).toContainText(`${n.toLocaleString("en-US")} of the ${counted} on this page`);
    await expect(list.rows, "the narrowed list shows the card's count").toHaveCount(n);
    // Paging keeps the narrowing; "Show every state" drops it. The list's total is the overview's.
    await expect(page.locator(".pager-total")).toContainText("500");
    const badges = () => list.rows.locator(".badge").evaluateAll((bs) => [...new Set(bs.map((b) => b.getAttribute("data-category")))]);
    expect(await badges()).toEqual([category]);
    await page.getByRole("link", { name: "Show every state" }).click();
    await expect(list.rows).toHaveCount(counted);
    // Reloaded, the deep link narrows again.
    await page.goto(`/c/counted-dc?limit=${counted}&category=${category}`);
    await list.waitLoaded();
    expect(await badges()).toEqual([category]);
  });

  test("Demo connections: each card's counts are its whole fleet, and equal to its list's", async ({ page }) => {
    await page.goto("/");
    const card = page.locator('.overview-card[data-connection="demo-roma"]');
    await expect(card.locator(".covers")).toHaveText(/^(All|The first) [\d,]+/);
    const covers = (await card.locator(".covers").textContent())!;
    const m = /^All ([\d,]+)|of ([\d,]+) instances/.exec(covers)!;
    const total = num(m[1] ?? m[2]);
    await page.goto("/c/demo-roma");
    await expect(page.locator(".pager-total")).toContainText(total.toLocaleString("en-US"));
    await page.goto("/");
    const imagesearch = page.locator('.overview-card[data-connection="demo-imagesearch"]');
    await expect(imagesearch).toContainText("nothing to count");
  });
});

test.describe("all instances", () => {
  // The refused connection's 401s.
  test.use({ expectHttpErrors: [401] });
  test("every connection in one table: one failing alone, one slow, rows as they arrive", async ({ page }) => {
    test.setTimeout(120_000);
    const connections = new ConnectionsPage(page);
    await connections.add({ name: "Good DC" });
    await connections.add({ name: "Refused DC", token: "not-the-token" });
    await connections.add({ name: "Slow ROMA", service: "roma" });
    // ROMA's pages come slowly (1.5 s each): the others' rows show meanwhile.
    await page.route("**/proxy/e2e/v2/**", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto("/all");
    await expect(page.getByRole("heading", { name: "All instances", level: 1 })).toBeVisible();
    const group = (id: string) => page.locator(`.walk-group[data-connection="${id}"]`);
    await expect(group("refused-dc")).toHaveAttribute("data-load-state", "failed");
    await expect(group("refused-dc").locator(".walk-status")).toContainText("rejected");
    await expect(group("good-dc")).toHaveAttribute("data-load-state", "done");
    await expect(group("slow-roma")).toHaveAttribute("data-load-state", "loading");
    const grid = page.locator(".vtable-viewport[role=grid]");
    await expect.poll(async () => Number(await grid.getAttribute("aria-rowcount"))).toBeGreaterThanOrEqual(500);
    await expect(group("slow-roma")).toHaveAttribute("data-load-state", "done", { timeout: 60_000 });
    for (const id of ["demo", "demo-roma", "demo-bycloud", "demo-ecs"]) {
      await expect(group(id)).toHaveAttribute("data-load-state", "done");
    }
    const count = page.locator(".vtable-count");
    await expect(count).toContainText(/Showing ([\d,]+) of \1/);
    // The common columns, whatever each service calls them.
    const titles = await grid.locator(".vtable-header-cell[role=columnheader]:not(.cell-tick)").allTextContents();
    expect(titles).toEqual(["Name", "State", "Connection", "Service", "ID", "Addresses", "Created", "Tags"]);
    // Filter by a connection's name, sort by connection, open a row's own view.
    const filter = page.getByRole("searchbox", { name: "Filter loaded instances" });
    await filter.fill("Slow ROMA");
    await expect.poll(async () => Number(await grid.getAttribute("aria-rowcount"))).toBeGreaterThan(0);
    const services = await grid.locator(".vtable-row").evaluateAll((rows) => [...new Set(rows.map((r) => r.children[4]?.textContent))]);
    expect(services).toEqual(["ROMA Connect"]);
    await filter.fill("");
    await grid.getByRole("columnheader", { name: "Connection", exact: true }).getByRole("button").click();
    await expect(grid.getByRole("columnheader", { name: "Connection", exact: true })).toHaveAttribute("aria-sort", "ascending");
    const first = grid.locator(".vtable-row").first();
    const id = (await first.getAttribute("data-id"))!;
    await first.locator(".cell-name a, a").first().click();
    const [conn, instance] = [id.slice(0, id.indexOf("/")), id.slice(id.indexOf("/") + 1)];
    await expect(page).toHaveURL(new RegExp(`/c/${conn}(/i/${encodeURIComponent(instance)}|\\?selected=)`));
  });
});

test.describe("preferences", () => {
  test("columns, their order, density and page size survive a reload; Reset brings the defaults back", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Prefs DC" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const defaults = await headers(page);
    expect(defaults).toContain("Image");
    expect(defaults).not.toContain("ID");
    const view = page.locator("details.column-chooser");
    await view.locator("summary").click();
    // (Each change redraws the list of columns: the box is a new one, ticked.)
    await view.getByRole("checkbox", { name: "ID" }).click();
    await expect(view.getByRole("checkbox", { name: "ID" })).toBeChecked();
    await view.getByRole("checkbox", { name: "Image" }).click();
    await expect(view.getByRole("checkbox", { name: "Image" })).not.toBeChecked();
    await view.getByRole("button", { name: "Move State earlier" }).click();
    await expect(view.getByRole("checkbox", { name: "Name" })).toBeDisabled();
    await view.getByLabel("Density").selectOption("comfortable");
    await list.pageSize.selectOption("20");
    await expect(list.rows).toHaveCount(20);
    const chosen = await headers(page);
    expect(chosen[0]).toBe("State");
    expect(chosen).toContain("ID");
    expect(chosen).not.toContain("Image");
    await page.goto("/c/prefs-dc");
    await list.waitLoaded();
    expect(await headers(page)).toEqual(chosen);
    await expect(list.rows).toHaveCount(20);
    await expect(page.locator(".density-comfortable")).toHaveCount(1);
    // Another connection keeps its own.
    await page.goto("/c/demo");
    await list.waitLoaded();
    expect(await headers(page)).toContain("Image");
    await page.goto("/c/prefs-dc");
    await list.waitLoaded();
    await view.locator("summary").click();
    await view.getByRole("button", { name: "Reset view" }).click();
    await expect.poll(() => headers(page)).toEqual(defaults);
    await expect(page.locator(".density-compact")).toHaveCount(1);
  });
});

test.describe("selection", () => {
  test("ticks with shift-click survive paging and refreshes, and the selected rows export", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Tick DC" });
    const list = new InstancesPage(page);
    await list.pageSize.selectOption("10");
    await expect(list.rows).toHaveCount(10);
    const box = (n: number) => list.rows.nth(n).locator("input.tick");
    const nameOf = (n: number) => list.rows.nth(n).locator(".cell-name a").getAttribute("title");
    const names: (string | null)[] = [];
    for (const n of [1, 2, 3, 4]) names.push(await nameOf(n));
    await box(1).click();
    await box(4).click({ modifiers: ["Shift"] });
    const firstPage = await list.rowIds();
    await expect(page.locator(".selection-bar")).toContainText("4 selected");
    for (const n of [1, 2, 3, 4]) await expect(box(n)).toBeChecked();
    await expect(box(0)).not.toBeChecked();
    await list.goNext();
    await box(0).click();
    names.push(await nameOf(0));
    await expect(page.locator(".selection-bar")).toContainText("5 selected");
    const secondFirst = (await list.rowIds())[0];
    await list.goPrevious();
    for (const n of [1, 2, 3, 4]) await expect(box(n)).toBeChecked();
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
    for (const n of [1, 2, 3, 4]) await expect(box(n)).toBeChecked();
    // The header's box: the whole page.
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(page.locator(".selection-bar")).toContainText("11 selected");
    await page.getByRole("checkbox", { name: "Select all on this page" }).uncheck();
    await expect(page.locator(".selection-bar")).toContainText("1 selected");
    for (const n of [1, 2, 3, 4]) await box(n).click();
    await expect(page.locator(".selection-bar")).toContainText("5 selected");
    // Export the selection: this page's four and the next page's one.
    const menu = page.locator("details.export-menu");
    await menu.locator("summary").click();
    await menu.getByLabel("Format").selectOption("json");
    const download = page.waitForEvent("download");
    await menu.getByRole("button", { name: "The selected rows (5 rows)" }).click();
    const file = JSON.parse(fs.readFileSync((await (await download).path())!, "utf8"));
    expect(file).toHaveLength(5);
    expect(file.map((r: { name: string }) => r.name).sort()).toEqual([...names].sort());
    expect((await download).suggestedFilename()).toMatch(/^skyglass-tick-dc-clouddc-selected-\d{8}T\d{6}Z\.json$/);
    expect(firstPage.length).toBe(10);
    expect(secondFirst).not.toBe(firstPage[0]);
    await page.getByRole("button", { name: "Clear selection" }).click();
    await expect(box(1)).not.toBeChecked();
  });

  test("the loaded view: select all shown, shift-click in the grid", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Grid DC" });
    await new InstancesPage(page).waitLoaded();
    await page.getByRole("button", { name: "Load all pages" }).click();
    await expect(page.locator(".load-all")).toHaveAttribute("data-load-state", "done");
    await page.getByRole("searchbox", { name: "Filter loaded instances" }).fill("running");
    await page.getByRole("button", { name: "Select all shown" }).click();
    const shown = num(/Showing ([\d,]+)/.exec((await page.locator(".vtable-count").textContent())!)![1]);
    await expect(page.locator(".selection-bar")).toContainText(`${shown.toLocaleString("en-US")} selected`);
    await page.getByRole("button", { name: "Clear selection" }).click();
    const rows = page.locator(".vtable-row");
    await rows.nth(0).locator("input.tick").click();
    await rows.nth(3).locator("input.tick").click({ modifiers: ["Shift"] });
    await expect(page.locator(".selection-bar")).toContainText("4 selected");
  });
});

test.describe("copy", () => {
  test("an id, an address and the whole instance as JSON, each with a visible confirmation", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await new ConnectionsPage(page).add({ name: "Copy DC" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    // A row with an address, to copy it.
    const withAddress = list.rows.filter({ has: page.locator('td[data-label="Private IPv4"]', { hasText: /\d+\.\d+\.\d+\.\d+/ }) });
    const listed = /\d+\.\d+\.\d+\.\d+/.exec((await withAddress.first().locator('td[data-label="Private IPv4"]').textContent())!)![0];
    await withAddress.first().locator(".cell-name a").click();
    await expect(page).toHaveURL(/\/c\/copy-dc\/i\//);
    const id = decodeURIComponent(page.url().split("/i/")[1]);
    await page.getByRole("button", { name: "Copy id" }).click();
    await expect(page.locator(".copied").filter({ hasText: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
    // The primary interface's address, the list's first.
    const cell = page.locator("td", { has: page.getByRole("button", { name: "Copy private ipv4", exact: true }) }).first();
    const address = (await cell.locator(".mono").textContent())!;
    expect(address).toBe(listed);
    await cell.getByRole("button", { name: "Copy private ipv4" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await page.getByRole("button", { name: "Copy as JSON" }).click();
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(json.ID).toBe(id);
    expect(typeof json.name).toBe("string");
  });
});

test.describe("time and theme", () => {
  test.use({ timezoneId: "Asia/Shanghai", colorScheme: "dark" });

  test("times in local time or UTC, remembered; the theme follows the system until chosen", async ({ page }) => {
    await page.goto("/c/demo?limit=10");
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const created = list.rows.first().locator('td[data-label="Created"]');
    await expect(created).toHaveAttribute("title", /\+08:00/);
    await page.getByLabel("Show times in").selectOption("utc");
    await expect(list.rows.first().locator('td[data-label="Created"]')).toHaveAttribute("title", /\+00:00/);
    await page.reload();
    await list.waitLoaded();
    await expect(list.rows.first().locator('td[data-label="Created"]')).toHaveAttribute("title", /\+00:00/);
    await expect(page.getByLabel("Show times in")).toHaveValue("utc");
    // The theme: the system's (dark here), then light, dark, and back to the system's.
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await bg();
    const toggle = page.getByRole("button", { name: /^Theme: / });
    await expect(toggle).toHaveText("Theme: system");
    await toggle.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    const light = await bg();
    expect(light).not.toBe(dark);
    await toggle.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await bg()).toBe(dark);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await toggle.click();
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await bg()).toBe(dark);
  });
});

test.describe("keyboard", () => {
  test("/ focuses the filter, r refreshes, g o / g a / g c go places, ? lists the shortcuts", async ({ page }) => {
    await installClock(page);
    await page.goto("/c/demo-bycloud?limit=10");
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    await expect(page.locator("main .filters input, main .filters select").first()).toBeFocused();
    await page.keyboard.press("Escape");
    await page.locator("h1").click();
    const before = await page.locator(".updated").textContent();
    await page.clock.fastForward(1_100); // "Updated" shows whole seconds
    await page.keyboard.press("r");
    await expect.poll(() => page.locator(".updated").textContent()).not.toBe(before);
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Go to all instances");
    await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.keyboard.press("g");
    await page.keyboard.press("a");
    await expect(page).toHaveURL(/\/all$/);
    await page.keyboard.press("g");
    await page.keyboard.press("c");
    await expect(page).toHaveURL(/\/connections$/);
    await page.keyboard.press("g");
    await page.keyboard.press("o");
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
    // Typing in a field is typing, not a shortcut.
    await page.goto("/c/demo-bycloud?limit=10");
    await list.waitLoaded();
    const name = page.locator(".filters").getByLabel("Name", { exact: true });
    await name.fill("");
    await name.press("g");
    await name.press("a");
    await expect(page).toHaveURL(/\/c\/demo-bycloud/);
    await expect(name).toHaveValue("ga");
  });

  test("rows are ticked and opened without a mouse", async ({ page }) => {
    await page.goto("/c/demo?limit=10");
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const box = list.rows.nth(2).locator("input.tick");
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
    await expect(page.locator(".selection-bar")).toContainText("1 selected");
    await list.rows.nth(2).locator(".cell-name a").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/c\/demo\/i\//);
  });
});

test.describe("connections to and from a file", () => {
  // The connection added with a token the cloud refuses: its 401.
  test.use({ expectHttpErrors: [401] });
  test("exported without secrets or Demos; imported back; a bad file says what it skipped and why", async ({ page }) => {
    const connections = new ConnectionsPage(page);
    await connections.add({ name: "Moving DC", token: "moving-secret-token" });
    await connections.goto();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export connections" }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^skyglass-connections-\d{8}T\d{6}Z\.json$/);
    const text = fs.readFileSync((await d.path())!, "utf8");
    expect(text).not.toContain("moving-secret-token");
    expect(text).not.toMatch(/"id": "demo/);
    const file = JSON.parse(text);
    expect(file.format).toBe("skyglass.connections");
    expect(file.connections.map((c: { name: string }) => c.name)).toEqual(["Moving DC"]);
    // Another browser: nothing but the Demos. The file brings the connection back.
    await page.evaluate(() => (localStorage.clear(), sessionStorage.clear()));
    await connections.goto();
    await expect(connections.card("Moving DC")).toHaveCount(0);
    await page.locator('input[type="file"]').setInputFiles({ name: "c.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(page.locator(".import-report")).toContainText("Imported 1 connection.");
    await expect(connections.card("Moving DC")).toBeVisible();
    await expect(connections.card("Moving DC")).toContainText("no token in this tab");
    // A file with problems: each skipped with its reason, secrets ignored.
    const bad = {
      format: "skyglass.connections",
      version: 1,
      connections: [
        file.connections[0],
        { name: "No URL", service: "clouddc", base_url: "ftp://x", project_id: "p", id: "x" },
        { name: "Sneaky", service: "clouddc", base_url: CLOUDSIM.base, project_id: "p", id: "s", token: "leaked-token" },
        "nonsense",
      ],
    };
    const tmp = path.join(os.tmpdir(), `skyglass-bad-${Date.now()}.json`);
    fs.writeFileSync(tmp, JSON.stringify(bad));
    await page.locator('input[type="file"]').setInputFiles(tmp);
    const report = page.locator(".import-report");
    await expect(report).toContainText("Imported 1 connection.");
    await expect(report).toContainText("“Moving DC”: already here");
    await expect(report).toContainText("“No URL”: The base URL must start with");
    await expect(report).toContainText("connection 4: not a connection (not an object)");
    await expect(report).toContainText("“Sneaky”: token");
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain("leaked-token");
    await page.locator('input[type="file"]').setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
    await expect(page.locator(".import-report[role=alert]")).toContainText("The file is not JSON");
    fs.rmSync(tmp);
  });
});
