// Huawei Cloud ECS (the sixth service) end to end: real HTTP through trunk's proxy to the
// cloudsim server. Its rows open a details page of their own (the list filtered by
// `server_id`), so deep links work on reload.
import { test, expect, ConnectionsPage, InstancesPage, LoadAllView } from "./fixtures";
import type { Page } from "@playwright/test";

async function forceStatus(page: Page, status: number) {
  await page.route("**/proxy/e2e/**", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": `status=${status}` } }),
  );
}

const badgeStates = (page: Page) =>
  page.locator("tr.instance-row td.cell-state .badge").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));

test.describe("Huawei Cloud ECS", () => {
  test("marker paging with count, back along the pages visited, filters, reload on page 3", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "ECS Sim", service: "ecs" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await expect(list.rows).toHaveCount(25);
    await expect(list.pageLabel).toHaveText("Page 1");
    await expect(page.getByText("500 instances in all")).toBeVisible();
    await expect(list.previous).toBeDisabled();
    const page1 = await list.rowIds();
    await list.goNext();
    const page2 = await list.rowIds();
    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 3");
    const page3 = await list.rowIds();
    expect(new Set([...page1, ...page2, ...page3]).size).toBe(75);
    // ECS names no previous marker: Previous goes back along the pages visited.
    await list.goPrevious();
    await expect(list.pageLabel).toHaveText("Page 2");
    expect(await list.rowIds()).toEqual(page2);
    await list.goNext();
    await page.reload();
    await list.waitLoaded();
    await expect(list.pageLabel).toHaveText("Page 3");
    expect(await list.rowIds()).toEqual(page3);

    await page.getByRole("combobox", { name: "Status" }).selectOption("ACTIVE");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=ACTIVE/);
    await expect(list.pageLabel).toHaveText("Page 1");
    // ACTIVE also matches the servers rebooting, rebuilding, migrating or resizing.
    await expect
      .poll(async () => (await badgeStates(page)).every((s) => ["ACTIVE", "REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE"].includes(s ?? "")))
      .toBe(true);
    await page.getByRole("button", { name: "Clear" }).click();
    await list.waitLoaded();

    await page.getByRole("textbox", { name: "Name", exact: true }).fill("web");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/name=web/);
    await expect
      .poll(async () => {
        const names = await page.locator("tr.instance-row .cell-name a").allTextContents();
        return names.length > 0 && names.every((n) => n.includes("web"));
      })
      .toBe(true);
  });

  test("details: every field, and the deep link survives a reload", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "ECS Details", service: "ecs" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const row = list.rows.nth(3);
    const id = (await row.getAttribute("data-id"))!;
    await row.locator("td").nth(3).click();
    await expect(page).toHaveURL(new RegExp(`/i/${id}$`));
    for (const label of ["ID", "Status", "Task state", "VM state", "Power state", "Flavor", "vCPUs", "Image ID", "Key pair", "Availability zone", "Locked"]) {
      await expect(page.locator("dl.fields dt", { hasText: new RegExp(`^${label.replace("(", "\\(").replace(")", "\\)")}$`) })).toBeVisible();
    }
    for (const heading of ["Addresses", "Security groups", "Volumes", "Metadata"]) {
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    }
    await expect(page.locator("table.kv").first()).toContainText(/fixed|floating/);
    await page.reload();
    await expect(page.getByText(id).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Addresses" })).toBeVisible();
    await page.goto(`/c/ecs-details/i/no-such-server`);
    await expect(page.getByText("No instance with id")).toBeVisible();
  });

  test("load all pages", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "ECS All", service: "ecs" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const all = new LoadAllView(page);
    await all.start();
    await all.expectState("done");
    await expect(all.status).toHaveText("Loaded 500 instances in 1 page");
    expect(await all.rowCount()).toBe(500);
  });

  for (const [status, title, code] of [
    [400, "Request rejected (HTTP 400)", "Ecs.0005"],
    [401, "The credentials were rejected (HTTP 401)", "APIGW.0301"],
    [403, "Forbidden (HTTP 403)", "Ecs.0003"],
    [500, "Server error (HTTP 500)", "Common.0001"],
  ] as const) {
    test.describe(`error ${status}`, () => {
      test.use({ expectHttpErrors: [status] });
      test(`shows ${status} with its code and message`, async ({ page }) => {
        await forceStatus(page, status);
        await new ConnectionsPage(page).add({ name: `ECS ${status}`, service: "ecs" });
        const banner = new InstancesPage(page).errorBanner;
        await expect(banner).toContainText(title);
        await expect(banner).toContainText(code);
      });
    });
  }

  test.describe("with a wrong token", () => {
    test.use({ expectHttpErrors: [401] });
    test("says the token was rejected", async ({ page }) => {
      await new ConnectionsPage(page).add({ name: "ECS Wrong", service: "ecs", token: "nope" });
      await expect(new InstancesPage(page).errorBanner).toContainText("APIGW.0301");
    });
  });
});

test("the Demo ECS works with no backend, and its details reload", async ({ page }) => {
  await page.goto("/c/demo-ecs");
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await expect(list.rows).toHaveCount(25);
  await expect(page.locator(".conn-heading")).toContainText("Simulated");
  const id = (await list.rows.first().getAttribute("data-id"))!;
  await list.rows.first().locator(".cell-name a").click();
  await expect(page).toHaveURL(new RegExp(`/c/demo-ecs/i/${id}$`));
  await page.reload();
  await expect(page.getByText(id).first()).toBeVisible();
  await expect(page.getByText("No instance with id")).toHaveCount(0);
});
