import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

test.describe("the admin's portal shell", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("lists the three demo tenants, opens one, and shows its navigation", async ({ page }) => {
    await page.goto("/tenants");
    const names = page.getByRole("table", { name: "Tenants" }).getByRole("link");
    await expect(names).toHaveText(["dev", "prod", "stage"]);
    await expect(page.getByTestId("signed-in-user")).toContainText("admin@enclave.local");

    await names.filter({ hasText: "stage" }).click();
    await expect(page.getByRole("heading", { name: "stage", level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    const tenantLinks = [
      "",
      "/resources",
      "/logs",
      "/metrics",
      "/alerts",
      "/billing",
      "/access",
      "/network",
      "/settings",
    ].map((s) => `/t/stage${s}`);
    for (const href of [...tenantLinks, "/admin/users", "/admin/audit", "/admin/infrastructure"]) {
      await expect(nav.locator(`a[href="${href}"]`)).toBeVisible();
    }
    await page.screenshot({ path: "test-results/screenshots/tenant-shell.png", fullPage: true });

    await page.getByRole("button", { name: "Tenant stage", exact: true }).click();
    await page.getByRole("combobox", { name: "Search tenants" }).fill("dev");
    await page.getByRole("option", { name: "dev", exact: true }).click();
    await expect(page).toHaveURL(/\/t\/dev$/);
    await nav.getByRole("link", { name: "Access", exact: true }).click();
    await expect(page.getByRole("table", { name: "Tenant members" })).toContainText("bob@enclave.local");
  });

  test("a provisioned tenant's overview lists its cloud resources by kind", async ({ page }) => {
    await expect
      .poll(async () => (await (await page.request.get("/api/t/dev")).json()).status, { timeout: 30_000 })
      .toBe("ready");
    await page.goto("/t/dev");
    const inventory = page.getByRole("table", { name: "Cloud resources by kind" });
    await expect(inventory.getByRole("row", { name: /^namespace 1 /i })).toContainText("tenant-dev");
    await expect(inventory.getByRole("row", { name: /^service account 2 /i })).toContainText("dev-read");
  });

  test("admin pages list users and infrastructure", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("table", { name: "Users" })).toContainText("alice@enclave.local");
    await page.goto("/admin/infrastructure");
    await expect(page.getByRole("table", { name: "Infrastructures" })).toContainText("local");
  });
});

test.describe("a visitor's browser", () => {
  test("finds the portal's icons without a session, as every page names them", async ({ page }) => {
    await page.goto("/login");
    const named = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(named).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg", "/apple-touch-icon.png"]));
    for (const [path, type] of [
      ["/favicon.ico", /icon/],
      ["/icon.svg", /svg/],
      ["/apple-touch-icon.png", /png/],
    ] as const) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toMatch(type);
    }
  });
});
