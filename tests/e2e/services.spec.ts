// ROMA Connect, ByCloud and ImageSearch end to end: real HTTP through trunk's proxy to
// the cloudsim server. Each documented error status is forced with cloudsim's test-only
// X-Cloudsim-Fault header, added to the app's requests by Playwright.
import { test, expect, ConnectionsPage, InstancesPage, CLOUDSIM } from "./fixtures";
import type { Page } from "@playwright/test";

/** Makes cloudsim answer the app's API calls with `status` from now on. */
async function forceStatus(page: Page, status: number) {
  await page.route("**/proxy/e2e/**", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": `status=${status}` } }),
  );
}

const badgeStates = (page: Page) =>
  page.locator("tr.instance-row td.cell-state .badge").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));

test.describe("ROMA Connect", () => {
  test("numbered pages, page size, status filter, details", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Roma Sim", service: "roma" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await expect(list.rows).toHaveCount(10);
    await expect(list.pageLabel).toHaveText("Page 1 of 50");
    await expect(page.getByText("500 instances in all")).toBeVisible();
    await expect(list.previous).toBeDisabled();
    const page1 = await list.rowIds();

    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 2 of 50");
    await page.getByRole("button", { name: "50", exact: true }).click();
    await expect(list.pageLabel).toHaveText("Page 50 of 50");
    await expect(list.next).toBeDisabled();
    await page.getByRole("button", { name: "1", exact: true }).click();
    await expect(list.pageLabel).toHaveText("Page 1 of 50");
    // The label follows the URL at once; the rows follow when page 1 has arrived.
    await expect.poll(() => list.rowIds()).toEqual(page1);

    await list.pageSize.selectOption("50");
    await expect(list.pageLabel).toHaveText("Page 1 of 10");
    await expect(list.rows).toHaveCount(50);

    await page.getByRole("combobox", { name: "Status" }).selectOption("RUNNING");
    await expect(page).toHaveURL(/status=RUNNING/);
    await expect.poll(async () => [...new Set(await badgeStates(page))]).toEqual(["RUNNING"]);

    const row = list.rows.nth(2);
    const id = (await row.getAttribute("data-id"))!;
    await row.click();
    const details = page.getByRole("region", { name: "Instance details" });
    await expect(details).toContainText(id);
    for (const label of ["Flavor type", "CPU architecture", "Security group", "Maintenance window", "Availability zones", "Created by"]) {
      await expect(details.locator("dt", { hasText: label })).toBeVisible();
    }
    await page.reload();
    await expect(page.getByRole("region", { name: "Instance details" })).toContainText(id);
  });

  for (const [status, title, code] of [
    [400, "Request rejected (HTTP 400)", "ROMA.00013000"],
    [401, "The credentials were rejected (HTTP 401)", "ROMA.00012000"],
    [403, "Forbidden (HTTP 403)", "ROMA.00012000"],
    [500, "Server error (HTTP 500)", "ROMA.00011000"],
  ] as const) {
    test.describe(`error ${status}`, () => {
      test.use({ expectHttpErrors: [status] });
      test(`shows ${status} with code, message and request id`, async ({ page }) => {
        await forceStatus(page, status);
        await new ConnectionsPage(page).add({ name: `Roma ${status}`, service: "roma" });
        const banner = new InstancesPage(page).errorBanner;
        await expect(banner).toContainText(title);
        await expect(banner).toContainText(code);
        await expect(banner).toContainText(/Request id: [0-9a-f]{32}/);
      });
    });
  }
});

test.describe("ByCloud", () => {
  test("marker paging by links, every filter, details", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "ByCloud Sim", service: "bycloud" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await expect(list.rows).toHaveCount(20);
    await expect(list.pageLabel).toHaveText("Page 1");
    const page1 = await list.rowIds();
    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 2");
    const page2 = await list.rowIds();
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    await list.goPrevious();
    expect(await list.rowIds()).toEqual(page1);
    await expect(list.previous).toBeDisabled();

    const names = () => page.locator("tr.instance-row .cell-name a").allTextContents();
    const apply = () => page.getByRole("button", { name: "Apply filters" }).click();
    const clear = async () => {
      await page.getByRole("button", { name: "Clear" }).click();
      await list.waitLoaded();
    };

    await page.getByRole("textbox", { name: "Name", exact: true }).fill("web-*");
    await apply();
    await expect(page).toHaveURL(/name=web-/);
    await expect.poll(async () => (await names()).length > 0 && (await names()).every((n) => n.startsWith("web-"))).toBe(true);
    await clear();

    await page.getByRole("combobox", { name: "Status" }).selectOption("ACTIVE");
    await apply();
    await expect.poll(async () => [...new Set(await badgeStates(page))]).toEqual(["ACTIVE"]);
    await clear();

    await page.getByRole("textbox", { name: "Tags" }).fill("web,production");
    await apply();
    await expect.poll(async () => {
      const tags = await page.locator('tr.instance-row td[data-label="Tags"]').allTextContents();
      return tags.length > 0 && tags.every((t) => t.includes("web") && t.includes("production"));
    }).toBe(true);
    await clear();

    // Flavor and image ids come from a row's details.
    await list.rows.first().click();
    const details = page.getByRole("region", { name: "Instance details" });
    await expect(details).toContainText("CRN");
    // The value itself (an id has a Copy button beside it).
    const detail = (label: string) =>
      details.locator(`dt:text-is("${label}") + dd`).evaluate((dd) => (dd.querySelector(".mono") ?? dd).textContent);
    const flavorId = (await detail("Flavor ID"))!.trim();
    const flavor = (await detail("Flavor"))!.trim();
    const imageId = (await detail("Image ID"))!.trim();
    const image = (await detail("Image"))!.trim();

    await page.getByRole("textbox", { name: "Flavor ID" }).fill(flavorId);
    await apply();
    await expect.poll(async () => [...new Set(await page.locator('tr.instance-row td[data-label="Flavor"]').allTextContents())]).toEqual([flavor]);
    await clear();

    await page.getByRole("textbox", { name: "Image ID" }).fill(imageId);
    await apply();
    await expect.poll(async () => [...new Set(await page.locator('tr.instance-row td[data-label="Image"]').allTextContents())]).toEqual([image]);
  });

  for (const [status, title] of [
    [401, "The credentials were rejected (HTTP 401)"],
    [500, "Server error (HTTP 500)"],
  ] as const) {
    test.describe(`error ${status}`, () => {
      test.use({ expectHttpErrors: [status] });
      test(`shows ${status} with its message`, async ({ page }) => {
        await forceStatus(page, status);
        await new ConnectionsPage(page).add({ name: `ByCloud ${status}`, service: "bycloud" });
        const banner = new InstancesPage(page).errorBanner;
        await expect(banner).toContainText(title);
        await expect(banner).toContainText(String(status));
      });
    });
  }

  test.describe("wrong bearer token", () => {
    test.use({ expectHttpErrors: [401] });
    test("is rejected", async ({ page }) => {
      await new ConnectionsPage(page).add({ name: "ByCloud Wrong", service: "bycloud", token: "nope" });
      await expect(new InstancesPage(page).errorBanner).toContainText("The credentials were rejected (HTTP 401)");
    });
  });
});

test.describe("ImageSearch", () => {
  test("look up by name, see every field, remember recent names", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "ImageSearch Sim", service: "imagesearch" });
    const lookup = async (name: string) => {
      await page.getByLabel("Instance name").fill(name);
      await page.getByRole("button", { name: "Look up" }).click();
    };
    await lookup("imagesearch-00");
    const details = page.getByRole("region", { name: "Instance details" });
    await expect(details).toContainText("imagesearch-00");
    for (const label of ["Status", "Level", "Domain / model", "Description", "Registered", "Expires", "Tags"]) {
      await expect(details.locator("dt", { hasText: label })).toBeVisible();
    }
    await expect(details).toContainText(/images/);
    await expect(details.locator('dt:text-is("Expires") + dd')).toHaveText(/never expires|\d{4}-\d\d-\d\d/);
    await lookup("imagesearch-01");
    await expect(details).toContainText("imagesearch-01");
    await expect(page).toHaveURL(/name=imagesearch-01/);

    await page.reload();
    const recent = page.getByLabel("Recently looked up on this device");
    await expect(recent.getByRole("button", { name: "imagesearch-00" })).toBeVisible();
    await recent.getByRole("button", { name: "imagesearch-00" }).click();
    await expect(page.getByRole("region", { name: "Instance details" })).toContainText("imagesearch-00");
  });

  test.describe("errors", () => {
    test.use({ expectHttpErrors: [400, 500] });
    test("unknown name, a rejected token (400 IS.0004) and a server error", async ({ page }) => {
      await new ConnectionsPage(page).add({ name: "ImageSearch Errors", service: "imagesearch" });
      await page.getByLabel("Instance name").fill("no-such-instance");
      await page.getByRole("button", { name: "Look up" }).click();
      const banner = page.getByRole("alert");
      await expect(banner).toContainText("IS.0010");

      await new ConnectionsPage(page).add({ name: "ImageSearch Bad Token", service: "imagesearch", token: "bad" });
      await page.getByLabel("Instance name").fill("imagesearch-00");
      await page.getByRole("button", { name: "Look up" }).click();
      await expect(banner).toContainText("The credentials were rejected (HTTP 400)");
      await expect(banner).toContainText("IS.0004");

      await forceStatus(page, 500);
      await page.goto("/c/imagesearch-errors?name=imagesearch-00");
      await expect(banner).toContainText("Server error (HTTP 500)");
    });
  });
});

test("the landing page shows each connection's service and reachability", async ({ page }) => {
  const calls: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/proxy/")) calls.push(path);
  });
  const connections = new ConnectionsPage(page);
  await connections.add({ name: "Reach Roma", service: "roma" });
  await new InstancesPage(page).waitLoaded();
  await connections.goto();
  const card = connections.card("Reach Roma");
  await expect(card).toContainText("ROMA Connect");
  await expect(card.locator(".reach")).toHaveText(/^Last call OK at \d\d:\d\d:\d\d$/);
  await expect(connections.card("Demo ByCloud").locator(".reach")).toHaveText("Not called yet in this tab");
  for (const demo of ["Demo cloud", "Demo ROMA Connect", "Demo ByCloud", "Demo ImageSearch"]) {
    await expect(connections.card(demo)).toContainText("Simulated");
  }
  // The one call made went to ROMA's list through the e2e proxy; the Demos called nothing.
  expect(calls.length).toBeGreaterThan(0);
  for (const c of calls) expect(c).toMatch(new RegExp(`^${CLOUDSIM.base}/v2/${CLOUDSIM.project}/instances`));
});
