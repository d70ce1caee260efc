// `trunk serve` builds and serves the app unsplit: the overview with its counts, a Demo
// list deep link and its "Load all pages", with no page or console error.
import { test, expect, InstancesPage, LoadAllView } from "../fixtures";

test("trunk serve: the overview's counts, a Demo list deep link and Load all pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.locator(".overview-card .covers").first()).toBeVisible();
  // One WASM, no loader of split-off parts.
  expect(await page.locator('meta[name="skyglass-route-chunks"]').count()).toBe(0);
  await page.goto("/c/demo?limit=50");
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await expect(list.rows).toHaveCount(50);
  const all = new LoadAllView(page);
  await all.start();
  await all.expectState("done");
  await expect(all.rows.first()).toBeVisible();
});
