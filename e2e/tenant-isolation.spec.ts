import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

test.describe("a user with grants on dev and stage", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sees only the granted tenants, with the granted level", async ({ page }) => {
    await page.goto("/tenants");
    const table = page.getByRole("table", { name: "Tenants" });
    await expect(table.getByRole("link")).toHaveText(["dev", "stage"]);
    await expect(table.getByRole("row", { name: /dev/ })).toContainText("write");
    await expect(table.getByRole("row", { name: /stage/ })).toContainText("read");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  });

  test("gets the same not-found for an ungranted tenant as for a missing one", async ({ page }) => {
    for (const path of ["/t/prod", "/t/prod/logs", "/t/no-such-tenant", "/admin/users", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });
});

test("anonymous visitors are sent to sign in, and health answers", async ({ page, request }) => {
  await page.goto("/t/dev");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ft%2Fdev/);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.status).toBe("ok");
  expect(body.migrations.applied).toBeGreaterThan(0);
  expect(body.migrations.applied).toBe(body.migrations.expected);
});
