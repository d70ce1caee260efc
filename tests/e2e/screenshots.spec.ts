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
