// Hostile servers and hostile data: XSS payloads in every string field of every service
// (none may run: a global canary stays untouched, and the text is shown as text), huge
// responses, and paging anomalies (marker cycles, empty pages that claim more, totals
// that change), all forced per request with cloudsim's X-Cloudsim-Fault header.
import { test, expect, ConnectionsPage, InstancesPage, watchXss } from "./fixtures";
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PAYLOADS = readFileSync(join(__dirname, "..", "fixtures", "xss_payloads.txt"), "utf8")
  .split("\n")
  .filter((l) => l.length > 0);

async function withDirective(page: Page, directive: string) {
  await page.route("**/proxy/e2e/**", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": directive } }),
  );
}

test("no XSS payload runs in any view of any service, and each shows as text", async ({ page }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  // Checked after every view: each navigation below starts a fresh document.
  const xss = await watchXss(page);
  await withDirective(page, "hostile");
  const connections = new ConnectionsPage(page);
  const list = new InstancesPage(page);
  const details = page.getByRole("region", { name: "Instance details" });

  await connections.add({ name: "Hostile DC" });
  await list.pageSize.selectOption("100");
  await expect(list.rows).toHaveCount(100);
  await xss.expectClean("CloudDC's list");
  await list.rows.first().locator("td").nth(2).click();
  await expect(page.getByRole("heading", { name: "User data" })).toBeVisible();
  await xss.expectClean("CloudDC's details");
  await page.getByRole("link", { name: "Live status and state diagram" }).click();
  await expect(page.locator(".diagram-node")).toHaveCount(6);
  await xss.expectClean("CloudDC's status and state diagram");

  await connections.add({ name: "Hostile Roma", service: "roma" });
  await list.waitLoaded();
  await xss.expectClean("ROMA's list");
  await list.rows.first().click();
  await expect(details).toBeVisible();
  await xss.expectClean("ROMA's details");

  await connections.add({ name: "Hostile ByCloud", service: "bycloud" });
  await list.waitLoaded();
  await xss.expectClean("ByCloud's list");
  await list.rows.first().click();
  await expect(details).toBeVisible();
  await xss.expectClean("ByCloud's details");

  await connections.add({ name: "Hostile ECS", service: "ecs" });
  await list.waitLoaded();
  // (ECS's names are payloads too.)
  expect(PAYLOADS).toContain(await list.rows.first().locator(".cell-name a").getAttribute("title"));
  await xss.expectClean("ECS's list");
  await list.rows.first().locator("td").nth(3).click();
  await expect(page).toHaveURL(/\/c\/hostile-ecs\/i\//);
  await expect(page.getByRole("heading", { name: "Metadata" })).toBeVisible();
  await xss.expectClean("ECS's details");

  await connections.add({ name: "Hostile Search", service: "imagesearch" });
  await page.getByLabel("Instance name").fill("imagesearch-00");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(details).toBeVisible();
  // ImageSearch's tags carry the whole corpus: every payload is there, as text.
  const tags = await details.locator(".tag").allTextContents();
  for (const p of PAYLOADS) expect(tags, `payload shown as text: ${p}`).toContain(p);
  await xss.expectClean("ImageSearch's details");
});

test("huge responses: a 10 MB page, a 100 KB name and 10,000 tags stay usable", async ({ page }) => {
  test.setTimeout(120_000);
  await withDirective(page, "huge");
  await new ConnectionsPage(page).add({ name: "Huge" });
  const list = new InstancesPage(page);
  await list.pageSize.selectOption("50");
  await expect(list.rows).toHaveCount(50, { timeout: 60_000 });
  const longName = list.rows.first().locator(".cell-name a");
  expect(((await longName.textContent()) ?? "").length).toBeLessThan(200); // cut in the table
  await expect(list.rows.nth(1).locator('td[data-label="Tags"]')).toContainText(/\+\d{4} more/);
  await list.rows.first().locator("td").nth(2).click();
  const toggle = page.getByRole("button", { name: /show all \d{6} characters/ });
  await expect(toggle).toBeVisible();
  await toggle.click();
  expect(((await page.locator("h1.instance-name").textContent()) ?? "").length).toBeGreaterThan(100_000);
});

test("one bad instance in a good page: the others show, and why it could not be read is said", async ({ page }) => {
  // The page as cloudsim sends it, with two of its instances spoiled: `null`, and an image
  // that is a string where an object is documented.
  await page.route("**/proxy/e2e/v1/*/instances?*", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.instances[1] = null;
    body.instances[3].image = "ubuntu";
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
  await new ConnectionsPage(page).add({ name: "One bad" });
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await expect(list.rows).toHaveCount(18);
  const note = page.getByRole("note").filter({ hasText: "2 instances could not be read" });
  await expect(note).toBeVisible();
  await expect(note).toContainText("item 2: invalid type: null");
  await expect(note).toContainText('item 4: invalid type: string "ubuntu"');
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test.describe("paging anomalies", () => {
  test("a marker cycle is reported and stops paging (CloudDC)", async ({ page }) => {
    await withDirective(page, "cycle");
    await new ConnectionsPage(page).add({ name: "Cycle DC" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await list.goNext();
    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 3");
    await expect(page.getByRole("note").filter({ hasText: "a cycle" })).toBeVisible();
    await expect(list.next).toBeDisabled();
  });

  test("a marker cycle is reported and stops paging (ByCloud)", async ({ page }) => {
    await withDirective(page, "cycle");
    await new ConnectionsPage(page).add({ name: "Cycle BC", service: "bycloud" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await list.goNext();
    await list.goNext();
    await expect(page.getByRole("note").filter({ hasText: "a cycle" })).toBeVisible();
    await expect(list.next).toBeDisabled();
    // The page links point to cloudsim's own origin, not the app's: reported, never fetched.
    await expect(page.getByRole("note").filter({ hasText: "another origin" })).toBeVisible();
  });

  test("a total that changes while paging is reported (ROMA)", async ({ page }) => {
    await withDirective(page, "cycle");
    await new ConnectionsPage(page).add({ name: "Cycle Roma", service: "roma" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await list.goNext();
    await expect(page.getByRole("note").filter({ hasText: "The total changed" })).toBeVisible();
  });
});
