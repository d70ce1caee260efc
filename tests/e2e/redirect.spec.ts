// After a password sign-in the app goes back only to a path on its own origin (issue 23:
// `/c/{id}/sign-in?next=/%09/evil.example` and a correct password used to leave Skyglass,
// the browser dropping the tab and reading `//evil.example`). Each hostile `next` below is
// written into the sign-in link as an attacker would write it; after the right password the
// page must stay on this origin, on the connection's list. A good `next` is followed (the
// positive control: the check does not refuse everything).
import { test, expect, InstancesPage, addPasswordConnection } from "./fixtures";
import { IAM } from "./playwright.config";

/** (what it is, the `next` query value exactly as written in the link). */
const HOSTILE: [string, string][] = [
  ["tab", "/%09/evil.example"],
  ["newline", "/%0A/evil.example"],
  ["carriage return", "/%0D/evil.example"],
  ["tabs inside a path", "/c/x%09/%09/evil.example"],
  ["backslash", "/%5Cevil.example"],
  ["two backslashes", "%5C%5Cevil.example"],
  ["slash and backslash", "/%5C/evil.example"],
  ["encoded slashes", "/%252F%252Fevil.example"],
  ["encoded slashes, lower case", "/%252f%252fevil.example"],
  ["encoded backslash", "/%255Cevil.example"],
  ["double-encoded slashes", "/%25252F%25252Fevil.example"],
  ["double-encoded tab", "/%2509/evil.example"],
  ["protocol-relative", "//evil.example/"],
  ["protocol-relative, encoded", "%2F%2Fevil.example%2F"],
  ["three slashes", "///evil.example/"],
  ["absolute URL", "https://evil.example/"],
  ["absolute URL, mixed case", "HtTpS://EVIL.example/"],
  ["absolute URL, encoded", "https%3A%2F%2Fevil.example%2F"],
  ["javascript:", "javascript:alert(document.domain)"],
  ["javascript:, mixed case and a tab", "JaVa%09ScRiPt:alert(document.domain)"],
];

const CONN = "redirect-ecs";

test.describe("after sign-in, stay on this origin", () => {
  test("every hostile next lands on the connection's list; a good next is followed", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    // Anything that leaves: a request or a navigation to another host.
    const left: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).origin !== origin) left.push(r.url());
    });
    page.on("framenavigated", (f) => {
      if (f === page.mainFrame() && !f.url().startsWith(origin)) left.push(f.url());
    });
    await addPasswordConnection(page, "Redirect ECS", IAM.user);
    const list = new InstancesPage(page);

    const signInWith = async (next: string) => {
      await page.goto(`/c/${CONN}/sign-in?next=${next}`);
      await page.getByLabel("Password").fill(IAM.password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };

    // The positive control: a path on this origin is where the sign-in goes.
    await signInWith(encodeURIComponent(`/c/${CONN}?limit=10`));
    await expect(page).toHaveURL(`${origin}/c/${CONN}?limit=10`);
    await list.waitLoaded();
    await expect(list.rows).toHaveCount(10);
    await signInWith("/connections");
    await expect(page).toHaveURL(`${origin}/connections`);

    for (const [what, next] of HOSTILE) {
      await test.step(`${what}: ${next}`, async () => {
        await signInWith(next);
        await expect(page, `${what}: the connection's list, on this origin`).toHaveURL(`${origin}/c/${CONN}`);
        await list.waitLoaded();
        expect(new URL(page.url()).origin).toBe(origin);
        expect(left, `${what}: nothing left this origin`).toEqual([]);
      });
    }
  });
});
