import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

test.describe("the API reference", () => {
  test.use({ storageState: storageStateOf("bob"), viewport: { width: 1440, height: 900 } });

  test("opens from the side navigation and renders from the portal alone, under its CSP", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    const refused: string[] = [];
    // Nothing but the portal answers: a reference that needs a CDN shows nothing here.
    await page.route(
      (url) => url.origin !== origin,
      (route) => {
        elsewhere.push(route.request().url());
        return route.abort();
      },
    );
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto("/tenants");
    await page.getByRole("link", { name: "API reference" }).click();
    await expect(page).toHaveURL(/\/api-reference$/);
    // The script parses the whole document before it shows anything: slow on a loaded machine.
    await expect(page.getByRole("heading", { name: "Enclave API", level: 1 })).toBeVisible({ timeout: 90_000 });
    await page.getByRole("button", { name: "Open Group Tenants" }).click();
    await expect(page.getByRole("heading", { name: "Create a tenant" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Bearer Token" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/api-reference.png" });
    expect(refused, "scripts the CSP refused").toEqual([]);
    expect(
      elsewhere.filter((url) => /\.js(\?|$)/.test(url)),
      "scripts from elsewhere",
    ).toEqual([]);
  });

  test("sends a visitor without a session to sign in", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: undefined })).newPage();
    await page.goto("/api-reference");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapi-reference/);
  });
});
