// Screenshots of every page, wide and narrow, for a person to look at (not compared).
import { test, expect, ConnectionsPage, InstancesPage, addPasswordConnection, fillForm } from "./fixtures";
import { IAM } from "./playwright.config";

const SIZES = [
  { name: "wide", width: 1366, height: 900 },
  { name: "narrow", width: 390, height: 844 },
];

// The MFA user's first sign-in answers 401 (a code is needed): expected.
test.use({ expectHttpErrors: [401] });

for (const size of SIZES) {
  test(`screenshots ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const shot = (name: string) => page.screenshot({ path: `screenshots/${size.name}-${name}.png`, fullPage: true });
    const connections = new ConnectionsPage(page);
    await connections.add({ name: `Shots ${size.name}` });
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await shot("2-instances");
    await connections.goto();
    await shot("1-connections");
    await page.getByRole("link", { name: "Add a connection" }).click();
    await shot("5-connection-form");
    await page.goto("/c/demo");
    await list.waitLoaded();
    await shot("2b-demo-instances");
    await list.rows.first().locator("td").nth(2).click();
    await expect(page.getByRole("heading", { name: "User data" })).toBeVisible();
    await shot("3-details");
    await page.getByRole("link", { name: "Live status and state diagram" }).click();
    await expect(page.locator(".diagram-node.current")).toHaveCount(1);
    await shot("4-status");
    await page.goto("/c/demo-roma");
    await list.waitLoaded();
    await list.rows.nth(1).click();
    await expect(page.getByRole("region", { name: "Instance details" })).toBeVisible();
    await shot("6-roma");
    await page.goto("/c/demo-bycloud");
    await list.waitLoaded();
    await list.rows.nth(0).click();
    await expect(page.getByRole("region", { name: "Instance details" })).toBeVisible();
    await shot("7-bycloud");
    await page.goto("/c/demo-imagesearch?name=imagesearch-01");
    await expect(page.getByRole("region", { name: "Instance details" })).toBeVisible();
    await shot("8-imagesearch");
    await page.goto("/c/demo-ecs");
    await list.waitLoaded();
    await shot("9-ecs");
    await page.locator("details.export-menu summary").click();
    await expect(page.getByLabel("Format")).toBeVisible();
    // The menu where it opens: the viewport, not the whole page.
    await page.screenshot({ path: `screenshots/${size.name}-9c-export-menu.png` });
    await page.locator("details.export-menu summary").click();
    await list.rows.first().locator("td.cell-name a").click();
    await expect(page.getByRole("heading", { name: "Security groups" })).toBeVisible();
    await shot("9b-ecs-details");
    // Signing in: the form's password and AK/SK methods, the sign-in page (MFA asked), the
    // expiry banner, and the connections page saying who is signed in.
    await addPasswordConnection(page, `MFA ${size.name}`, IAM.mfaUser);
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Verification code")).toBeVisible();
    await shot("10b-sign-in-mfa");
    await addPasswordConnection(page, `Brief ${size.name}`, IAM.briefUser);
    await shot("10-sign-in");
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await list.waitLoaded();
    await expect(page.locator(".session-banner")).toBeVisible();
    await shot("10c-expiry-banner");
    await fillForm(page, {
      name: `AKSK ${size.name}`,
      service: "ecs",
      method: "Access key (AK/SK)",
      project: "e2e-project",
      fields: { "Access key ID (AK)": IAM.accessKey, "Secret access key (SK)": IAM.secretKey },
    });
    await shot("5b-connection-form-aksk");
    await page.getByRole("radio", { name: "IAM password sign-in" }).check();
    await shot("5c-connection-form-password");
    await connections.goto();
    await shot("1b-connections-after");
  });
}

// The everyday views in both themes: the overview, all instances, a list with ticks and the
// View menu, the loaded grid, details with copy buttons, the shortcuts list.
for (const size of SIZES) {
  for (const theme of ["light", "dark"] as const) {
    test(`screenshots ${size.name} ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: size.width, height: size.height });
      const shot = (name: string) => page.screenshot({ path: `screenshots/${size.name}-${theme}-${name}.png`, fullPage: true });
      const list = new InstancesPage(page);
      await page.goto("/");
      await expect(page.locator('.overview-card[data-connection="demo-ecs"] .covers')).toBeVisible();
      await shot("11-overview");
      await page.goto("/all");
      await expect(page.locator('.walk-group[data-connection="demo-roma"]')).toHaveAttribute("data-load-state", "done");
      await shot("12-all-instances");
      await page.goto("/c/demo-bycloud?limit=20");
      await list.waitLoaded();
      await list.rows.nth(1).locator("input.tick").click();
      await list.rows.nth(3).locator("input.tick").click({ modifiers: ["Shift"] });
      await shot("13-list-ticked");
      await page.locator("details.column-chooser summary").click();
      await page.screenshot({ path: `screenshots/${size.name}-${theme}-13b-view-menu.png` });
      await page.locator("details.column-chooser summary").click();
      await page.goto("/c/demo?limit=20");
      await list.waitLoaded();
      await page.getByRole("button", { name: "Load all pages" }).click();
      await expect(page.locator(".load-all")).toHaveAttribute("data-load-state", "done");
      await shot("14-loaded-grid");
      await page.goto("/c/demo?limit=20");
      await list.waitLoaded();
      await list.rows.first().locator(".cell-name a").click();
      await expect(page.getByRole("button", { name: "Copy as JSON" })).toBeVisible();
      await shot("15-details-copy");
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await page.screenshot({ path: `screenshots/${size.name}-${theme}-16-shortcuts.png` });
      await page.goto("/connections");
      await shot("17-connections");
    });
  }
}
