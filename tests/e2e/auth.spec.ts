// Signing in, as a user does it through `trunk serve` and its proxy to the cloudsim server:
// an IAM password (with and without virtual MFA), the expiry banner, a refused token, and
// AK/SK signing on every Huawei service — and that neither the password nor the secret key
// ever shows up in a URL, the history, storage beyond the rule, the console or the page.
import { test, expect, CLOUDSIM, InstancesPage, ConnectionsPage, fillForm, addPasswordConnection, watchSecrets } from "./fixtures";
import type { Page } from "@playwright/test";
import { IAM } from "./playwright.config";

test.describe("IAM password sign-in", () => {
  test.use({ expectHttpErrors: [401] });

  test("a wrong password, then the right one: the list, the project id filled in, the password nowhere", async ({ page }) => {
    const seen = watchSecrets(page);
    await addPasswordConnection(page, "IAM ECS", IAM.user);
    await page.getByLabel("Password").fill("not-" + IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The username or password is wrong." })).toBeVisible();
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await expect(page).toHaveURL(/\/c\/iam-ecs$/);
    await page.goto("/connections/iam-ecs");
    await expect(page.getByLabel("Project ID")).toHaveValue(CLOUDSIM.project);
    await page.goto("/connections");
    await expect(new ConnectionsPage(page).card("IAM ECS")).toContainText(`signed in as ${IAM.user} until`);
    await seen.assertNowhere(IAM.password);
    await seen.assertNowhere("not-" + IAM.password);
    // A deep link reloads signed in (the token is in this tab's sessionStorage).
    await page.goto("/c/iam-ecs?limit=10");
    await list.waitLoaded();
    await expect(list.rows).toHaveCount(10);
  });

  test("virtual MFA: IAM asks for a code, a wrong one is refused, the right one signs in", async ({ page }) => {
    const seen = watchSecrets(page);
    await addPasswordConnection(page, "MFA ECS", IAM.mfaUser);
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("IAM asks for a verification code")).toBeVisible();
    await page.getByLabel("IAM user ID").fill(IAM.mfaUserId);
    await page.getByLabel("Verification code").fill("000000");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The verification code is wrong." })).toBeVisible();
    await page.getByLabel("Verification code").fill(IAM.mfaCode);
    await page.getByRole("button", { name: "Sign in" }).click();
    await new InstancesPage(page).waitLoaded();
    await seen.assertNowhere(IAM.password);
    await seen.assertNowhere(IAM.mfaCode);
  });

  test("a sign-in about to expire shows a banner; signing in again comes back to the same page", async ({ page }) => {
    await addPasswordConnection(page, "Brief ECS", IAM.briefUser);
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const list = new InstancesPage(page);
    await list.waitLoaded();
    await page.goto("/c/brief-ecs?limit=10");
    await list.waitLoaded();
    const banner = page.locator(".session-banner");
    await expect(banner).toContainText(/Brief ECS: the sign-in expires in (9|10) min/);
    await banner.getByRole("link", { name: "Sign in again" }).click();
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/c\/brief-ecs\?limit=10$/);
    await expect(list.rows).toHaveCount(10);
  });

  test("a refused token (401) leads to the sign-in", async ({ page }) => {
    await addPasswordConnection(page, "Refused ECS", IAM.user);
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await new InstancesPage(page).waitLoaded();
    // IAM revoked it (the user's password changed, say): the same token is now forged.
    await page.evaluate(() => {
      const key = "skyglass.token.refused-ecs";
      const stored = JSON.parse(sessionStorage.getItem(key)!);
      stored.token = stored.token.slice(0, -4) + "AAAA";
      sessionStorage.setItem(key, JSON.stringify(stored));
    });
    await page.reload();
    const list = new InstancesPage(page);
    await expect(list.errorBanner).toContainText("The credentials were rejected (HTTP 401)");
    await expect(page.locator(".session-banner")).toContainText("Refused ECS: the service refused the sign-in.");
    await list.errorBanner.getByRole("link", { name: "Sign in again" }).click();
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await list.waitLoaded();
    await expect(page.locator(".session-banner")).toHaveCount(0);
  });
});

test.describe("AK/SK signing", () => {
  for (const service of ["ecs", "clouddc", "roma"]) {
    test(`${service}: a list signed in the page, the secret key only in this tab's storage`, async ({ page }) => {
      const seen = watchSecrets(page);
      const signed: string[] = [];
      page.on("request", (r) => {
        if (!r.url().includes("/proxy/e2e/")) return;
        const h = r.headers();
        expect(h["x-auth-token"], "no token with AK/SK").toBeUndefined();
        expect(h["authorization"]).toMatch(/^SDK-HMAC-SHA256 Access=E2EAK, SignedHeaders=x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
        expect(h["x-sdk-date"]).toMatch(/^\d{8}T\d{6}Z$/);
        signed.push(r.url());
      });
      await fillForm(page, {
        name: `AKSK ${service}`,
        service,
        method: "Access key (AK/SK)",
        project: CLOUDSIM.project,
        fields: { "Access key ID (AK)": IAM.accessKey, "Secret access key (SK)": IAM.secretKey },
      });
      await page.getByRole("button", { name: "Save" }).click();
      await new InstancesPage(page).waitLoaded();
      expect(signed.length).toBeGreaterThan(0);
      const stores = await seen.assertNowhere(IAM.secretKey, { sessionMayHold: true });
      expect(stores.session).toContain(IAM.secretKey);
      expect(stores.local).toContain(IAM.accessKey);
    });
  }

  test("imagesearch: a lookup signed with temporary credentials (a security token)", async ({ page }) => {
    const seen = watchSecrets(page);
    await fillForm(page, {
      name: "AKSK images",
      service: "imagesearch",
      method: "Access key (AK/SK)",
      project: CLOUDSIM.project,
      fields: {
        "Access key ID (AK)": IAM.tempAccessKey,
        "Secret access key (SK)": IAM.tempSecretKey,
        "Security token (temporary credentials only)": IAM.securityToken,
      },
    });
    const sent = page.waitForRequest((r) => r.url().includes("/proxy/e2e/") && !!r.headers()["x-security-token"]);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByLabel("Instance name").fill("imagesearch-00");
    await page.getByRole("button", { name: "Look up" }).click();
    const req = await sent;
    expect(req.headers()["authorization"]).toContain("SignedHeaders=x-project-id;x-sdk-date;x-security-token");
    expect((await req.response())?.status()).toBe(200);
    await expect(page.getByRole("region", { name: "Instance details" })).toContainText("imagesearch-00");
    await seen.assertNowhere(IAM.tempSecretKey, { sessionMayHold: true });
  });

  test.describe("a wrong secret key", () => {
    test.use({ expectHttpErrors: [401] });
    test("gets the gateway's APIGW.0301, with no secret in the page; remembered keys are forgotten on request", async ({ page }) => {
      const seen = watchSecrets(page);
      const wrong = "wrong-" + IAM.secretKey;
      await fillForm(page, {
        name: "Bad SK",
        service: "ecs",
        method: "Access key (AK/SK)",
        project: CLOUDSIM.project,
        fields: { "Access key ID (AK)": IAM.accessKey, "Secret access key (SK)": wrong },
        remember: true,
      });
      await page.getByRole("button", { name: "Save" }).click();
      const list = new InstancesPage(page);
      await expect(list.errorBanner).toContainText("APIGW.0301");
      await expect(list.errorBanner).toContainText("verify aksk signature fail");
      const stores = await page.evaluate(() => JSON.stringify(localStorage));
      expect(stores, "remembered on this device").toContain(wrong);
      await page.goto("/connections");
      await expect(new ConnectionsPage(page).card("Bad SK")).toContainText(/secret key remembered on this device until \d{4}-\d\d-\d\d /);
      page.once("dialog", (d) => d.accept());
      await page.getByRole("button", { name: "Forget all tokens" }).click();
      await expect(page.getByText("Every token and secret key is forgotten on this device.")).toContainText("Nothing is revoked at IAM");
      await seen.assertNowhere(wrong);
      await expect(new ConnectionsPage(page).card("Bad SK")).toContainText("no secret key in this tab");
    });
  });

  test("ByCloud offers only its Bearer token", async ({ page }) => {
    await new ConnectionsPage(page).goto();
    await page.getByRole("link", { name: "Add a connection" }).click();
    await page.getByLabel("Service").selectOption("bycloud");
    await expect(page.getByRole("radio")).toHaveCount(1);
    await expect(page.getByRole("radio", { name: "A token" })).toBeChecked();
  });
});

// A remembered secret has an end: the days the user chooses (a week unless they choose
// otherwise), an IAM token its own expiry. The page's clock is fixed (page.clock) and moved
// past that end: the secret is removed and never sent. Times show in UTC here.
const DAY = 24 * 60 * 60 * 1000;
/** A time as the app shows it: `2026-12-14 10:00:00 +00:00`. */
const shown = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " +00:00");
/** The connection form filled in for an ECS token connection that remembers its token. */
const rememberToken = (page: Page, name: string) =>
  fillForm(page, { name, service: "ecs", method: "A token", project: CLOUDSIM.project, fields: { Token: CLOUDSIM.token }, remember: true });
const stored = (page: Page, id: string) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), `skyglass.token.${id}`);

test.describe("remembered secrets end", () => {
  test.use({ timezoneId: "UTC" });

  test("a remembered token is kept for the days chosen, shown with its end, then removed when read and never sent", async ({ page }) => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000;
    await page.clock.setFixedTime(t0);
    const sent: string[] = [];
    page.on("request", (r) => {
      const token = r.headers()["x-auth-token"];
      if (token) sent.push(token);
    });
    await rememberToken(page, "Kept token");
    const remember = page.getByLabel("Remember it for");
    await expect(remember).toHaveValue("7");
    await remember.selectOption("30");
    await page.getByRole("button", { name: "Save" }).click();
    const list = new InstancesPage(page);
    await list.waitLoaded();
    expect(sent, "the remembered token is used until its end").toContain(CLOUDSIM.token);
    expect((await stored(page, "kept-token")).remember_until_ms).toBe(t0 + 30 * DAY);
    const connections = new ConnectionsPage(page);
    await connections.goto();
    const card = connections.card("Kept token");
    await expect(card).toContainText(`token remembered on this device until ${shown(t0 + 30 * DAY)}`);
    // Editing offers the present end first, unchanged.
    await page.goto("/connections/kept-token");
    await expect(page.getByLabel("Remember it for")).toHaveValue("unchanged");
    await expect(page.getByLabel("Remember it for").locator("option:checked")).toHaveText(`until ${shown(t0 + 30 * DAY)}`);
    // Its end passes while the app is open: the next read removes it, nothing is sent.
    await connections.goto();
    await page.clock.setFixedTime(t0 + 30 * DAY + 60_000);
    sent.length = 0;
    await card.getByRole("link", { name: "Open" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "This connection has no token in this browser session." })).toBeVisible();
    expect(await stored(page, "kept-token")).toBeNull();
    expect(sent, "an ended secret is never sent").toEqual([]);
    await connections.goto();
    await expect(card).toContainText("no token in this tab");
  });

  test("at start, an ended secret is removed and one remembered without an end gets a week", async ({ page }) => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000;
    await page.clock.setFixedTime(t0);
    await rememberToken(page, "Week token");
    await page.getByRole("button", { name: "Save" }).click();
    await new InstancesPage(page).waitLoaded();
    expect((await stored(page, "week-token")).remember_until_ms, "a week by default").toBe(t0 + 7 * DAY);
    // A secret remembered before secrets had an end (the earlier format: a bare token).
    await page.evaluate(() => localStorage.setItem("skyglass.token.old-token", "an-old-token"));
    // A week and a minute later, the app starts on a page that reads no secret.
    await page.clock.setFixedTime(t0 + 7 * DAY + 60_000);
    await page.goto("/connections/new");
    await expect(page.getByRole("heading", { name: "Add a connection" })).toBeVisible();
    expect(await stored(page, "week-token"), "removed at start").toBeNull();
    expect((await stored(page, "old-token")).remember_until_ms, "a week from now").toBe(t0 + 14 * DAY + 60_000);
  });

  test("an IAM token is remembered until it expires; one without a readable expiry is taken as 24 hours, and said", async ({ page }) => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000;
    await page.clock.setFixedTime(t0);
    // IAM answers without a readable expires_at.
    await page.route("**/v3/auth/tokens", async (route) => {
      const answer = await route.fetch();
      const body = await answer.json();
      body.token.expires_at = "soon";
      const headers = { ...answer.headers() };
      delete headers["content-length"];
      await route.fulfill({ response: answer, headers, json: body });
    });
    await fillForm(page, {
      name: "Day ECS",
      service: "ecs",
      method: "IAM password sign-in",
      fields: { "IAM URL": CLOUDSIM.base, "Account name": IAM.domain, "IAM user name": IAM.user, "Project scope": IAM.region },
      remember: true,
    });
    await expect(page.getByText("A token from IAM is remembered until it expires")).toBeVisible();
    await expect(page.getByLabel("Remember it for")).toHaveCount(0);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByLabel("Password").fill(IAM.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await new InstancesPage(page).waitLoaded();
    const secret = await stored(page, "day-ecs");
    expect(secret.expires_at_ms).toBe(t0 + DAY);
    expect(secret.expiry_assumed).toBe(true);
    expect(secret.remember_until_ms, "remembered until the token expires").toBe(t0 + DAY);
    const assumed = "IAM's answer gave no readable expiry: taken as the documented 24 hours after sign-in.";
    await page.goto("/connections");
    const card = new ConnectionsPage(page).card("Day ECS");
    await expect(card).toContainText(`signed in as ${IAM.user} until ${shown(t0 + DAY)}; remembered on this device until then.`);
    await expect(card).toContainText(assumed);
    await page.goto("/c/day-ecs/sign-in");
    const notice = page.locator("section.sign-in p.notice");
    await expect(notice).toContainText(`Signed in until ${shown(t0 + DAY)}.`);
    await expect(notice).toContainText(assumed);
    // Forgetting it says what it does not do.
    await page.goto("/connections");
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.accept();
    });
    await card.getByRole("button", { name: "Forget", exact: true }).click();
    await expect(card.getByRole("status")).toHaveText(/^Forgotten on this device\. Nothing is revoked at IAM/);
    expect(asked).toContain("Nothing is revoked at IAM");
    expect(await stored(page, "day-ecs")).toBeNull();
    await expect(card).toContainText(`not signed in (IAM user ${IAM.user})`);
  });
});
