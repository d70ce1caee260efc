// Signing in behind the production nginx (deploy/nginx/, its real upstream locations
// rendered to reach cloudsim): an IAM password sign-in through /proxy/iam for ECS at
// /proxy/ecs-cn-north-4, a CloudDC list signed with AK/SK through /proxy/clouddc-cn-east-3,
// and deep links reloaded signed in — under the production CSP, with no secret left behind.
import { test, expect, InstancesPage, fillForm, addPasswordConnection, watchSecrets } from "../fixtures";
import { IAM } from "../playwright.config";

test.describe("behind nginx", () => {
  test.use({ expectHttpErrors: [401] });

  test("password sign-in through /proxy/iam, then the ECS list through /proxy/ecs-cn-north-4; a deep link reloads", async ({ page }) => {
    const seen = watchSecrets(page);
    const violations: string[] = [];
    await page.exposeFunction("__cspViolation", (d: string) => violations.push(d));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation: (d: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    await addPasswordConnection(page, "Prod ECS", IAM.user, "/proxy/ecs-cn-north-4", "/proxy/iam");
    await page.getByLabel("Password").fill("wrong-" + IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The username or password is wrong." })).toBeVisible();
    const tokenAnswer = page.waitForResponse((r) => r.url().endsWith("/proxy/iam/v3/auth/tokens") && r.status() === 201);
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await tokenAnswer).headers()["x-subject-token"], "nginx passes X-Subject-Token through").toMatch(/^MII/);
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await page.goto("/c/prod-ecs?limit=10");
    await list.waitLoaded();
    await expect(list.rows).toHaveCount(10);
    await page.reload();
    await list.waitLoaded();
    await seen.assertNowhere(IAM.password);
    await seen.assertNowhere("wrong-" + IAM.password);
    expect(violations, "no CSP violation").toEqual([]);
  });

  test("a CloudDC list signed with AK/SK through /proxy/clouddc-cn-east-3; its details reload", async ({ page }) => {
    const seen = watchSecrets(page);
    const signed: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/proxy/clouddc-cn-east-3/")) signed.push(r.headers()["authorization"] ?? "");
    });
    await fillForm(page, {
      name: "Prod DC",
      service: "clouddc",
      method: "Access key (AK/SK)",
      base: "/proxy/clouddc-cn-east-3",
      project: "e2e-project",
      fields: { "Access key ID (AK)": IAM.accessKey, "Secret access key (SK)": IAM.secretKey },
    });
    await page.getByRole("button", { name: "Save" }).click();
    const list = new InstancesPage(page);
    await list.waitLoaded();
    expect(signed.length).toBeGreaterThan(0);
    for (const a of signed) expect(a).toMatch(/^SDK-HMAC-SHA256 Access=E2EAK, SignedHeaders=x-project-id;x-sdk-date, Signature=/);
    const first = await list.rows.first().getAttribute("data-id");
    await page.goto(`/c/prod-dc/i/${first}`);
    await expect(page.getByRole("heading", { name: "User data" })).toBeVisible();
    await expect(page.locator("main")).toContainText(first!);
    await page.reload();
    await expect(page.getByRole("heading", { name: "User data" })).toBeVisible();
    await expect(page.locator("main")).toContainText(first!);
    await seen.assertNowhere(IAM.secretKey, { sessionMayHold: true });
  });
});
