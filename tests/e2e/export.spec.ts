// Export: the file a user downloads, read back field by field against what the table shows
// — names with commas, quotes and markup, and names a spreadsheet would run as formulas
// (cloudsim's hostile mode puts every payload of tests/fixtures/xss_payloads.txt in the
// names, some starting with = + - @) — in CSV, CSV with a byte order mark, and JSON; the
// loaded view's "rows shown" and "everything loaded"; and no credential in any of it.
import fs from "node:fs";
import { test, expect, ConnectionsPage, InstancesPage, fillForm, watchXss } from "./fixtures";
import { IAM } from "./playwright.config";
import type { Page } from "@playwright/test";

/** RFC 4180: fields split on commas outside quotes, "" inside quotes is one quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows;
}

/** What a spreadsheet-safe export writes for a cell's text. */
const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

async function exportFile(page: Page, format: "csv" | "csv-bom" | "json", button: RegExp) {
  const menu = page.locator("details.export-menu").first();
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
  await expect(menu.getByLabel("Format")).toBeVisible();
  await menu.getByLabel("Format").selectOption(format);
  const download = page.waitForEvent("download");
  await menu.getByRole("button", { name: button }).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
}

/** The table's visible column titles and, per row, its full name (the link's title). */
async function shownTable(page: Page) {
  const headers = (await page.locator("table thead th:not(.cell-tick)").allTextContents()).map((t) => t.trim());
  const names = await page.locator("tr.instance-row .cell-name a").evaluateAll((as) => as.map((a) => a.getAttribute("title") ?? a.textContent ?? ""));
  const states = (await page.locator("tr.instance-row .badge").allTextContents()).map((t) => t.trim());
  return { headers, names, states };
}

test.describe("export", () => {
  for (const [name, service, stateTitle] of [
    ["Export DC", "clouddc", "State"],
    ["Export ECS", "ecs", "Status"],
  ] as const) {
    test(`a hostile ${service} page as CSV, CSV with a BOM and JSON: field by field what the table shows`, async ({ page }) => {
      const xss = await watchXss(page);
      await page.route("**/proxy/e2e/**", (route) =>
        route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": "hostile" } }),
      );
      await new ConnectionsPage(page).add({ name, service });
      const list = new InstancesPage(page);
      await list.pageSize.selectOption("100");
      await expect(list.rows).toHaveCount(100);
      const shown = await shownTable(page);
      expect(shown.names.some((n) => /^[=+\-@]/.test(n)), "some names start like formulas").toBe(true);
      expect(shown.names.some((n) => n.includes(",") && n.includes('"')), "some have commas and quotes").toBe(true);

      const csv = await exportFile(page, "csv", /^This page \(100 rows\)$/);
      const slug = name.toLowerCase().replace(" ", "-");
      expect(csv.name).toMatch(new RegExp(`^skyglass-${slug}-${service}-page-1-\\d{8}T\\d{6}Z\\.csv$`));
      const rows = parseCsv(csv.bytes.toString("utf8"));
      expect(rows[0]).toEqual(shown.headers.map(guarded));
      expect(rows.length - 1).toBe(100);
      const nameAt = shown.headers.indexOf("Name");
      const stateAt = shown.headers.indexOf(stateTitle);
      expect([nameAt, stateAt], "the name and state columns are shown").not.toContain(-1);
      expect(shown.states.length).toBe(100);
      rows.slice(1).forEach((r, i) => {
        expect(r.length, `row ${i} has every column`).toBe(shown.headers.length);
        expect(r[nameAt], `row ${i}'s name`).toBe(guarded(shown.names[i]));
        // The badge adds "(undocumented)" to a state the vendor does not document.
        expect(r[stateAt].length, `row ${i}'s state`).toBeGreaterThan(0);
        expect(shown.states[i].toUpperCase().startsWith(r[stateAt].toUpperCase()), `row ${i}'s state`).toBe(true);
      });

      const bom = await exportFile(page, "csv-bom", /^This page/);
      expect([...bom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bom.bytes.subarray(3).toString("utf8")).toBe(csv.bytes.toString("utf8"));

      const json = await exportFile(page, "json", /^This page/);
      expect(json.name).toMatch(/\.json$/);
      const objects = JSON.parse(json.bytes.toString("utf8")) as Record<string, string>[];
      expect(objects.map((o) => o.name)).toEqual(shown.names);
      await xss.expectClean(`${service}: the page and its exports`);
    });
  }

  test("loaded: the rows shown (filtered) and everything loaded", async ({ page }) => {
    await page.goto("/c/demo-ecs");
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await page.getByRole("button", { name: "Load all pages" }).click();
    await expect(page.locator(".load-all")).toHaveAttribute("data-load-state", "done");
    await page.getByLabel("Filter loaded instances").fill("ecs-web");
    // Some rows match, not all.
    await expect(page.locator(".vtable-count")).toHaveText(/^Showing \d+ of 240$/);
    await expect(page.locator(".vtable-count")).not.toHaveText(/^Showing (0|240) of 240$/);
    const shownCount = Number(/^Showing (\d+)/.exec((await page.locator(".vtable-count").textContent())!)![1]);
    expect(shownCount).toBeGreaterThan(0);
    const shown = await exportFile(page, "csv", /^The rows shown/);
    expect(shown.name).toMatch(/^skyglass-demo-ecs-ecs-shown-/);
    const shownRows = parseCsv(shown.bytes.toString("utf8")).slice(1);
    expect(shownRows.length).toBe(shownCount);
    for (const r of shownRows) expect(r.join(" ")).toContain("ecs-web");
    const all = await exportFile(page, "json", /^Everything loaded \(240 rows\)$/);
    expect((JSON.parse(all.bytes.toString("utf8")) as unknown[]).length).toBe(240);
  });

  test("an AK/SK connection's export holds no secret", async ({ page }) => {
    await fillForm(page, {
      name: "Export AKSK",
      service: "ecs",
      method: "Access key (AK/SK)",
      project: "e2e-project",
      fields: { "Access key ID (AK)": IAM.accessKey, "Secret access key (SK)": IAM.secretKey },
    });
    await page.getByRole("button", { name: "Save" }).click();
    await new InstancesPage(page).waitLoaded();
    for (const format of ["csv", "json"] as const) {
      const f = await exportFile(page, format, /^This page/);
      const text = f.bytes.toString("utf8");
      for (const secret of [IAM.secretKey, IAM.accessKey, "SDK-HMAC-SHA256"]) expect(text).not.toContain(secret);
    }
  });
});
