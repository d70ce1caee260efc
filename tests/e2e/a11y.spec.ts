// Accessibility: axe-core (npm axe-core, injected into the page) on every page, in the
// light and the dark theme; any serious or critical violation fails. The pages are the
// Demo connections' (nothing to set up) plus the forms; each waits for its data first.
import { join } from "node:path";
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

const AXE = join(__dirname, "node_modules", "axe-core", "axe.min.js");

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function axe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: Violation) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
  });
  return (result as Violation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Each page and what shows that it has its data. */
const PAGES: [string, string, (page: Page) => Promise<void>][] = [
  ["overview", "/", async (p) => { await expect(p.locator('.overview-card[data-connection="demo"] .covers')).toBeVisible(); }],
  ["all instances", "/all", async (p) => { await expect(p.locator('.walk-group[data-connection="demo"]')).toHaveAttribute("data-load-state", "done"); }],
  ["connections", "/connections", async (p) => { await expect(p.locator(".connection-card").first()).toBeVisible(); }],
  ["new connection", "/connections/new", async (p) => { await expect(p.getByLabel("Name")).toBeVisible(); }],
  ["CloudDC list", "/c/demo?limit=20", async (p) => { await expect(p.locator("tr.instance-row").first()).toBeVisible(); }],
  ["ROMA list (numbered pages)", "/c/demo-roma?limit=20", async (p) => { await expect(p.locator("tr.instance-row").first()).toBeVisible(); }],
  ["ByCloud list (filters)", "/c/demo-bycloud?limit=20", async (p) => { await expect(p.locator("tr.instance-row").first()).toBeVisible(); }],
  ["ECS list", "/c/demo-ecs?limit=20", async (p) => { await expect(p.locator("tr.instance-row").first()).toBeVisible(); }],
  ["ImageSearch lookup", "/c/demo-imagesearch", async (p) => { await expect(p.locator("h1")).toBeVisible(); }],
];

for (const theme of ["light", "dark"] as const) {
  test.describe(`axe-core, ${theme} theme`, () => {
    test.use({ colorScheme: theme, bypassCSP: true });

    for (const [name, url, ready] of PAGES) {
      test(`${name}: no serious or critical violation`, async ({ page }) => {
        await page.goto(url);
        await ready(page);
        await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
        expect(await axe(page), `${name} (${theme})`).toEqual([]);
      });
    }

    test("details, status, the loaded view, menus and the shortcuts list: no serious or critical violation", async ({ page }) => {
      await page.goto("/c/demo?limit=20");
      await expect(page.locator("tr.instance-row").first()).toBeVisible();
      const first = page.locator("tr.instance-row .cell-name a").first();
      await first.click();
      await expect(page.locator("h1.instance-name")).toBeVisible();
      expect(await axe(page), `details (${theme})`).toEqual([]);
      await page.getByRole("link", { name: /live status/i }).click();
      await expect(page.locator(".state-diagram")).toBeVisible();
      expect(await axe(page), `status (${theme})`).toEqual([]);
      await page.goto("/c/demo-roma?limit=20");
      await page.locator("tr.instance-row").first().click();
      await expect(page.locator("#details")).toBeVisible();
      expect(await axe(page), `ROMA details panel (${theme})`).toEqual([]);
      await page.goto("/c/demo?limit=20");
      await page.getByRole("button", { name: "Load all pages" }).click();
      await expect(page.locator(".load-all")).toHaveAttribute("data-load-state", "done");
      await page.locator("details.column-chooser summary").click();
      await page.locator(".vtable-row input.tick").first().check();
      expect(await axe(page), `loaded view with the View menu open (${theme})`).toEqual([]);
      await page.locator("details.column-chooser summary").click();
      await page.locator("details.export-menu summary").click();
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      expect(await axe(page), `export menu and shortcuts (${theme})`).toEqual([]);
    });
  });
}
