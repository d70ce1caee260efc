// The build split by route (deploy/split-build.sh): the first load carries the shell and the
// overview only; a deep link fetches its page's part (and, into a Demo connection, the Demo
// cloud) at once, preloaded by boot.js, each file once; export's writers come when its menu
// opens; a part that cannot be fetched is shown as an error the page survives.
import type { Page } from "@playwright/test";
import { test, expect, InstancesPage } from "../fixtures";

const PART = /^\/(split_[a-z_]+|chunk_\d+)-[0-9a-f]+\.wasm$/;

/** The paths of the .wasm files the page fetches from now on, in order. */
function wasmFetched(page: Page): string[] {
  const got: string[] = [];
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith(".wasm")) got.push(p);
  });
  return got;
}

const parts = (files: string[], name: string) => files.filter((f) => new RegExp(`^/split_${name}-[0-9a-f]+\\.wasm$`).test(f));

test("the overview loads no page's part; its counts come in a part of their own", async ({ page }) => {
  const files = wasmFetched(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.locator(".overview-card .covers").first()).toBeVisible();
  expect(files.some((f) => /^\/skyglass-[0-9a-f]+_bg\.wasm$/.test(f)), "the main module").toBe(true);
  for (const name of ["list", "loaded_list", "details", "manage", "instance_status", "export"]) expect(parts(files, name), name).toEqual([]);
  expect(parts(files, "overview_counts").length).toBe(1);
});

test("a deep link into a Demo list preloads its page's part and the Demo cloud, each fetched once; Load all comes after", async ({ page }) => {
  const files = wasmFetched(page);
  await page.goto("/c/demo?limit=50");
  await new InstancesPage(page).waitLoaded();
  const preloaded = await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((ls) =>
    ls.map((l) => new URL((l as HTMLLinkElement).href).pathname),
  );
  for (const name of ["list", "demo_cloud"]) {
    expect(parts(files, name).length, `${name} fetched once`).toBe(1);
    expect(preloaded, `${name} preloaded by boot.js`).toContain(parts(files, name)[0]);
  }
  // Not what the first page does not need: details, the status view, the connections pages,
  // export's writers.
  for (const name of ["manage", "details", "instance_status", "export"]) expect(parts(files, name), name).toEqual([]);
  // "Load all pages" is fetched in the background once the first page is shown, not preloaded.
  await expect.poll(() => parts(files, "loaded_list").length).toBe(1);
  expect(preloaded.some((f) => f.includes("split_loaded_list-"))).toBe(false);
  for (const f of files) expect(files.filter((g) => g === f).length, `${f} fetched once`).toBe(1);
  expect(files.filter((f) => PART.test(f)).length).toBeGreaterThan(1);
});

test("export's writers are fetched when its menu opens, and then export", async ({ page }) => {
  const files = wasmFetched(page);
  await page.goto("/c/demo?limit=50");
  await new InstancesPage(page).waitLoaded();
  expect(parts(files, "export")).toEqual([]);
  const menu = page.locator("details.export-menu").first();
  await menu.locator("summary").click();
  await expect.poll(() => parts(files, "export").length).toBe(1);
  const download = page.waitForEvent("download");
  await menu.getByRole("button", { name: /^This page \(50 rows\)$/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test.describe("a part that cannot be fetched", () => {
  test.use({ expectNetworkErrors: true });

  test("is an error on its page with a reload button; the rest of the app goes on", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await page.route(/\/split_manage-[0-9a-f]+\.wasm$/, (r) => r.abort("failed"));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "could not be loaded" });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("button", { name: "Reload" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    // Tried again on the next visit: once the file can be fetched, the page opens.
    await page.unroute(/\/split_manage-[0-9a-f]+\.wasm$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
    await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
  });
});
