import { test, expect, ConnectionsPage, InstancesPage, CLOUDSIM, demoPage3Reloaded } from "./fixtures";

test.describe("CloudDC through trunk's proxy to the cloudsim server", () => {
  test("add a connection, page forward and back, reload on page 3", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Sim East" });
    expect(page.url()).not.toContain(CLOUDSIM.token);
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await expect(list.pageLabel).toHaveText("Page 1");
    await expect(list.previous).toBeDisabled();
    await expect(page.getByText("500 instances in all")).toBeVisible();
    const page1 = await list.rowIds();
    expect(page1).toHaveLength(20);

    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 2");
    const page2 = await list.rowIds();
    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 3");
    const page3 = await list.rowIds();
    expect(new Set([...page1, ...page2, ...page3]).size).toBe(60);

    await list.goPrevious();
    await expect(list.pageLabel).toHaveText("Page 2");
    expect(await list.rowIds()).toEqual(page2);
    await list.goNext();
    await expect(list.pageLabel).toHaveText("Page 3");

    await page.reload();
    await list.waitLoaded();
    await expect(list.pageLabel).toHaveText("Page 3");
    expect(await list.rowIds()).toEqual(page3);
    expect(page.url()).toContain("page=3");
    expect(page.url()).not.toContain(CLOUDSIM.token);

    await list.goPrevious();
    await list.goPrevious();
    await expect(list.pageLabel).toHaveText("Page 1");
    expect(await list.rowIds()).toEqual(page1);
    await expect(list.previous).toBeDisabled();
  });

  test("page size and state filter live in the URL", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Sim Filter" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await list.pageSize.selectOption("50");
    await expect(page).toHaveURL(/limit=50/);
    await expect(list.rows).toHaveCount(50);

    await list.stateFilter.selectOption("stopped");
    await expect(page).toHaveURL(/state=stopped/);
    await expect(list.rows.first()).toBeVisible();
    await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
    const states = await page.locator("tr.instance-row .badge").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(["stopped"]));
    await expect(list.pageLabel).toHaveText("Page 1");

    await page.reload();
    await expect(list.stateFilter).toHaveValue("stopped");
    await expect(list.pageSize).toHaveValue("50");
  });

  test("open details, then the live status with the state highlighted", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Sim Details" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const first = list.rows.first();
    const id = (await first.getAttribute("data-id"))!;
    const name = (await first.locator(".cell-name a").getAttribute("title"))!;
    await first.locator("td").nth(2).click(); // a click anywhere on the row opens details
    await expect(page).toHaveURL(new RegExp(`/i/${id}$`));
    await expect(page.locator("h1.instance-name")).toHaveText(name);
    for (const label of ["ID", "Server ID", "VPC", "Image", "OS type", "Created", "Launched", "Updated"]) {
      await expect(page.locator("dl.fields dt", { hasText: new RegExp(`^${label}$`) })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Network interfaces" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "User data" })).toBeVisible();
    await expect(page.getByText(id).first()).toBeVisible();

    await page.getByRole("link", { name: "Live status and state diagram" }).click();
    await expect(page).toHaveURL(new RegExp(`/i/${id}/status$`));
    const current = page.locator(".diagram-node.current");
    await expect(current).toHaveCount(1);
    const state = await current.getAttribute("data-state");
    await expect(page.locator(".status-fields .badge").first()).toHaveAttribute("data-state", state!);
    await expect(page.getByText(/^Updated \d\d:\d\d:\d\d$/)).toBeVisible();
    await expect(page.locator(".diagram-node")).toHaveCount(6);
    await expect(page.locator(".diagram-edge")).toHaveCount(13);
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(current).toHaveCount(1);
  });

  test.describe("with a wrong token", () => {
    test.use({ expectHttpErrors: [401] });
    test("says the token was rejected and links to the connection", async ({ page }) => {
      await new ConnectionsPage(page).add({ name: "Sim Wrong", token: "not-the-token" });
      const list = new InstancesPage(page);
      await expect(list.errorBanner).toContainText("The credentials were rejected (HTTP 401)");
      await expect(list.errorBanner).toContainText("APIGW.0301");
      await expect(list.errorBanner).not.toContainText("not-the-token");
      await list.errorBanner.getByRole("link", { name: "the connection's settings" }).click();
      await expect(page).toHaveURL(/\/connections\/sim-wrong$/);
      await expect(page.getByLabel("Name")).toHaveValue("Sim Wrong");
    });
  });

  test.describe("documented error statuses", () => {
    test.use({ expectHttpErrors: [400, 429, 500] });
    for (const [status, title, code] of [
      [400, "Request rejected (HTTP 400)", "iMetal.0001"],
      [429, "Rate limited (HTTP 429)", "throttling threshold"],
      [500, "Server error (HTTP 500)", "iMetal.0500"],
    ] as const) {
      test(`list shows ${status} with its code and message`, async ({ page }) => {
        await page.route("**/proxy/e2e/**", (route) =>
          route.continue({ headers: { ...route.request().headers(), "x-cloudsim-fault": `status=${status}` } }),
        );
        await new ConnectionsPage(page).add({ name: `Sim ${status}` });
        const banner = new InstancesPage(page).errorBanner;
        await expect(banner).toContainText(title);
        await expect(banner).toContainText(code);
      });
    }
  });

  test.describe("network failure", () => {
    test.use({ expectNetworkErrors: true });
    test("says the endpoint could not be reached", async ({ page }) => {
      await page.route("**/proxy/e2e/**", (route) => route.abort("connectionrefused"));
      await new ConnectionsPage(page).add({ name: "Sim Down" });
      await expect(new InstancesPage(page).errorBanner).toContainText("Network failure");
    });
  });
});

test("the Demo cloud works with no backend", async ({ page }) => {
  const connections = new ConnectionsPage(page);
  await connections.goto();
  const demo = connections.card("Demo cloud");
  await expect(demo).toContainText("Simulated");
  await demo.getByRole("link", { name: "Open" }).click();
  const list = new InstancesPage(page);
  await list.waitLoaded();
  await expect(list.rows).toHaveCount(20);
  await expect(page.locator(".conn-heading")).toContainText("Simulated");
});

test("a Demo deep link shows the same instance after a reload", async ({ page }) => {
  // The Demo cloud's ids come from a fixed epoch, not from the page load: a reload (a new
  // simulated cloud) keeps them; only the states move.
  const { id, name } = await demoPage3Reloaded(page, 2);
  await new InstancesPage(page).rows.nth(2).locator(".cell-name a").click();
  await expect(page).toHaveURL(new RegExp(`/c/demo/i/${id}$`));
  await expect(page.locator("h1.instance-name")).toHaveText(name);
  await page.reload();
  await expect(page.locator("h1.instance-name")).toHaveText(name);
  await expect(page.getByText(id).first()).toBeVisible();
  await expect(page.getByText("No instance with id")).toHaveCount(0);
  await page.getByRole("link", { name: "Live status and state diagram" }).click();
  await expect(page.locator(".diagram-node.current, .outside-diagram")).toHaveCount(1);
  await page.reload();
  await expect(page.locator(".diagram-node.current, .outside-diagram")).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test.describe("status view errors", () => {
  test.use({ expectHttpErrors: [401, 404, 429, 500] });
  test("shows 401, 429, 500 and an unknown id with code and message", async ({ page }) => {
    await new ConnectionsPage(page).add({ name: "Sim Status" });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    const id = (await list.rows.first().getAttribute("data-id"))!;
    let fault = "";
    await page.route("**/proxy/e2e/**/status", (route) =>
      route.continue({ headers: { ...route.request().headers(), ...(fault ? { "x-cloudsim-fault": fault } : {}) } }),
    );
    const banner = page.getByRole("alert");
    for (const [status, title, code] of [
      ["401", "The credentials were rejected (HTTP 401)", "APIGW.0301"],
      ["429", "Rate limited (HTTP 429)", "throttling threshold"],
      ["500", "Server error (HTTP 500)", "iMetal.0500"],
    ]) {
      fault = `status=${status}`;
      await page.goto(`/c/sim-status/i/${id}/status`);
      await expect(banner).toContainText(title);
      await expect(banner).toContainText(code);
    }
    fault = "";
    await page.goto(`/c/sim-status/i/no-such-instance/status`);
    await expect(banner).toContainText("Not found (HTTP 404)");
    await expect(banner).toContainText("iMetal.0004");
  });
});

test("a response that arrives after the user moved on is aborted and dropped", async ({ page }) => {
  await new ConnectionsPage(page).add({ name: "Sim Slow" });
  const list = new InstancesPage(page);
  await list.waitLoaded();
  // From now on, the unfiltered list answers slowly; the filtered one at once.
  const aborted: string[] = [];
  page.on("requestfailed", (r) => {
    if (r.url().includes("/instances") && !r.url().includes("instance_state")) aborted.push(r.failure()?.errorText ?? "");
  });
  let slowAnswered = 0;
  await page.route("**/proxy/e2e/**/instances?*", async (route) => {
    const slow = !route.request().url().includes("instance_state");
    if (slow) await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {});
    if (slow) slowAnswered += 1;
  });
  await list.pageSize.selectOption("50"); // slow request in flight...
  await list.stateFilter.selectOption("terminated"); // ...and the user moves on
  await expect(page).toHaveURL(/state=terminated/);
  await expect(page.locator("section.instance-list")).toHaveAttribute("aria-busy", "false");
  // The slow request was aborted, and its answer has been let through since.
  await expect.poll(() => aborted.join(",")).toContain("ERR_ABORTED");
  await expect.poll(() => slowAnswered).toBeGreaterThanOrEqual(1);
  const states = await page.locator("tr.instance-row .badge").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(["terminated"]));
  expect(aborted.join(",")).toContain("ERR_ABORTED");
});
